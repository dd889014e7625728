using System.Text;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Sources;

/// <summary>
/// Loads OpenAPI 3.0/3.1 and Swagger 2.0 (JSON or YAML) with Microsoft.OpenApi, which also turns Swagger 2.0 into
/// the v3 model, then reads the v3 JSON it serialises: one code path for every version. Diagnostics become
/// warnings; a document that loads with errors is still used.
/// </summary>
internal static partial class OpenApiLoader
{
    private static readonly string[] Verbs = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];

    public static async Task<ApiDescription> LoadAsync(string origin, string content, CancellationToken cancellationToken)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var format = content.TrimStart().StartsWith('{') ? "json" : "yaml";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var result = await OpenApiDocument.LoadAsync(stream, format, settings, cancellationToken);
        var warnings = new List<string>();
        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            warnings.Add($"{origin}: {error.Pointer} {error.Message}".Trim());
        }

        foreach (var warning in result.Diagnostic?.Warnings ?? [])
        {
            warnings.Add($"{origin}: {warning.Pointer} {warning.Message}".Trim());
        }

        if (result.Document is null)
        {
            throw new FormatException($"{origin} looks like an OpenAPI document but could not be read: {string.Join("; ", warnings.Take(3))}");
        }

        var json = await result.Document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        var root = JObject.Parse(json);
        var version = result.Diagnostic?.SpecificationVersion switch
        {
            OpenApiSpecVersion.OpenApi2_0 => "Swagger 2.0",
            OpenApiSpecVersion.OpenApi3_0 => "OpenAPI 3.0",
            OpenApiSpecVersion.OpenApi3_1 => "OpenAPI 3.1",
            { } other => other.ToString(),
            null => "OpenAPI",
        };

        var api = new ApiDescription
        {
            Origin = origin,
            Kind = SourceKind.OpenApi,
            Format = version,
            Title = (string?)root["info"]?["title"],
            Description = (string?)root["info"]?["description"],
        };
        api.Warnings.AddRange(warnings);
        Read(root, api);
        return api;
    }

    private static void Read(JObject root, ApiDescription api)
    {
        var schemas = new JsonSchemas(root);
        foreach (var server in root["servers"] as JArray ?? [])
        {
            api.Servers.Add(ToServer(server));
        }

        ReadAuth(root, api);

        var rootServer = api.Servers.FirstOrDefault()?.Url;
        foreach (var (path, itemToken) in (root["paths"] as JObject ?? []))
        {
            if (schemas.Resolve(itemToken!) is not JObject item)
            {
                continue;
            }

            var pathParameters = item["parameters"] as JArray ?? [];
            var pathServer = (string?)(item["servers"] as JArray)?.FirstOrDefault()?["url"];
            foreach (var verb in Verbs)
            {
                if (item[verb] is not JObject op)
                {
                    continue;
                }

                var operation = new ApiOperation
                {
                    Id = (string?)op["operationId"] is { Length: > 0 } opId ? opId : $"{verb.ToUpperInvariant()} {path}",
                    Method = verb,
                    Path = path,
                    OperationId = (string?)op["operationId"],
                    Summary = (string?)op["summary"],
                    Description = (string?)op["description"],
                    Deprecated = (bool?)op["deprecated"] ?? false,
                };
                operation.Tags.AddRange((op["tags"] as JArray ?? []).Select(t => (string?)t ?? "").Where(t => t.Length > 0));

                var seen = new HashSet<string>();
                foreach (var parameter in (op["parameters"] as JArray ?? []).Concat(pathParameters))
                {
                    var name = (string?)parameter["name"];
                    var location = (string?)parameter["in"];
                    if (name is null || location is null || !seen.Add(location + ":" + name))
                    {
                        continue; // an operation's parameter overrides the path item's one of the same name
                    }

                    operation.Parameters.Add(new ApiParameter(name, location, (bool?)parameter["required"] ?? false, (string?)parameter["description"], parameter["schema"] as JObject));
                }

                operation.RequestBody = PickContentSchema(op["requestBody"]?["content"]);
                ReadResponses(op["responses"] as JObject, operation);

                var opServer = (string?)(op["servers"] as JArray)?.FirstOrDefault()?["url"] ?? pathServer;
                if (opServer is not null && !string.Equals(opServer.TrimEnd('/'), rootServer?.TrimEnd('/'), StringComparison.Ordinal))
                {
                    operation.ServerOverride = opServer;
                }

                api.Operations.Add(operation);
            }
        }

        foreach (var reference in schemas.Unresolved.Order(StringComparer.Ordinal))
        {
            api.Warnings.Add($"{api.Origin}: $ref '{reference}' names nothing; left unresolved");
        }
    }

    private static ApiServer ToServer(JToken server)
    {
        var variables = new Dictionary<string, ServerVariable>(StringComparer.Ordinal);
        foreach (var (name, value) in server["variables"] as JObject ?? [])
        {
            variables[name] = new ServerVariable((string?)value?["default"], (string?)value?["description"]);
        }

        return new ApiServer((string?)server["url"] ?? "", variables, (string?)server["description"]);
    }

    private static void ReadAuth(JObject root, ApiDescription api)
    {
        var definitions = root["components"]?["securitySchemes"] as JObject ?? [];
        var order = new List<string>();
        foreach (var requirement in root["security"] as JArray ?? [])
        {
            api.AuthOptional |= requirement is JObject { Count: 0 };
            order.AddRange((requirement as JObject ?? []).Properties().Select(p => p.Name).Where(n => !order.Contains(n)));
        }

        order.AddRange(definitions.Properties().Select(p => p.Name).Where(n => !order.Contains(n)));
        foreach (var id in order)
        {
            if (definitions[id] is not JObject scheme)
            {
                continue;
            }

            var type = (string?)scheme["type"] ?? "";
            var description = (string?)scheme["description"];
            var prefix = type.Equals("apiKey", StringComparison.OrdinalIgnoreCase) ? ValuePrefixIn(description) : null;
            api.AuthSchemes.Add(new AuthScheme(id, type, ((string?)scheme["scheme"])?.ToLowerInvariant(), (string?)scheme["in"], (string?)scheme["name"], description, prefix, scheme["flows"] as JObject));
        }
    }

    /// <summary>
    /// The text a description says goes before the key: <c>`Token token=&lt;API_KEY&gt;`</c> gives
    /// <c>Token token=</c>. Only a quoted example with a placeholder counts, so prose is never mistaken for it.
    /// </summary>
    internal static string? ValuePrefixIn(string? description)
    {
        if (description is null)
        {
            return null;
        }

        var match = PrefixPattern().Match(description);
        return match.Success && match.Groups["prefix"].Value.Trim().Length > 0 ? match.Groups["prefix"].Value.TrimStart() : null;
    }

    [GeneratedRegex("""[`'"](?:Authorization:\s*)?(?<prefix>[A-Za-z][\w-]*(?:\s+[\w-]+=|\s+|=))\s*(?:<[^>`'"]+>|\{[^}`'"]+\}|YOUR[\w-]*|\$\w+)[`'"]""")]
    private static partial Regex PrefixPattern();

    private static JObject? PickContentSchema(JToken? content)
    {
        if (content is not JObject media || !media.HasValues)
        {
            return null;
        }

        var chosen = media.Properties().FirstOrDefault(p => p.Name.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            ?? media.Properties().FirstOrDefault(p => p.Name.Contains("json", StringComparison.OrdinalIgnoreCase))
            ?? media.Properties().First();
        return chosen.Value["schema"] as JObject;
    }

    private static void ReadResponses(JObject? responses, ApiOperation operation)
    {
        foreach (var (code, response) in (responses ?? []).Properties().Select(p => (p.Name, p.Value)).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (code.StartsWith('2'))
            {
                operation.ResponseBody ??= PickContentSchema(response["content"]);
                foreach (var header in (response["headers"] as JObject ?? []).Properties())
                {
                    if (!operation.ResponseHeaders.Contains(header.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        operation.ResponseHeaders.Add(header.Name);
                    }
                }
            }
            else if (code != "default")
            {
                operation.ErrorStatuses.Add(code);
            }
        }
    }
}
