using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Sources;

/// <summary>
/// Reads Postman v2.0 and v2.1 collections (no parser is served, and the shapes vary: string or object URLs, array
/// or object auth, string or object descriptions). Scripts (<c>event[]</c>) are counted and never run.
/// </summary>
internal static partial class PostmanLoader
{
    public static ApiDescription Load(string origin, JObject collection)
    {
        var schema = (string?)collection["info"]?["schema"] ?? "";
        var api = new ApiDescription
        {
            Origin = origin,
            Kind = SourceKind.Postman,
            Format = schema.Contains("v2.0", StringComparison.Ordinal) ? "Postman v2.0" : "Postman v2.1",
            Title = (string?)collection["info"]?["name"],
            Description = DescriptionOf(collection["info"]?["description"]),
        };
        var variables = (collection["variable"] as JArray ?? [])
            .Where(v => v["key"] is not null)
            .GroupBy(v => (string)v["key"]!)
            .ToDictionary(g => g.Key, g => (string?)g.First()["value"], StringComparer.Ordinal);

        var state = new WalkState(api);
        Walk(collection, collection["auth"] as JObject, state);

        if (state.Scripts > 0)
        {
            api.Warnings.Add($"{origin}: {state.Scripts} pre-request/test script(s) kept as text and never run");
        }

        // The base URL: the origin most requests use; a collection variable holding a real URL stands in for it.
        if (state.Origins.Count > 0)
        {
            var mostUsed = state.Origins.GroupBy(o => o).OrderByDescending(g => g.Count()).First().Key;
            var common = mostUsed;
            var variable = VariablePattern().Match(common);
            if (variable.Success && variables.TryGetValue(variable.Groups[1].Value, out var value) && value is not null && value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                common = common.Replace(variable.Value, value.TrimEnd('/'));
            }

            api.Servers.Add(new ApiServer(common, new Dictionary<string, ServerVariable>(), null));
            foreach (var (operation, requestOrigin) in state.OperationOrigins)
            {
                if (requestOrigin != mostUsed)
                {
                    operation.ServerOverride = requestOrigin;
                }
            }
        }

        // Auth: the most common effective auth across requests (collection, folder, request, or a literal header).
        var auth = state.Auths.Where(a => a is not null).GroupBy(a => a!.Type + a.Scheme).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (auth is not null)
        {
            api.AuthSchemes.Add(auth.First()!);
        }

        // Constant headers sent on at least 80% of requests become integration headers.
        var requests = api.Operations.Count;
        foreach (var group in state.Headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase))
        {
            if (requests > 0 && group.Count() >= requests * 0.8)
            {
                var (name, value) = Split(group.Key);
                api.CommonHeaders[name] = value;
            }
        }

        return api;
    }

    private static (string Name, string Value) Split(string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        return (header[..colon], header[(colon + 1)..]);
    }

    private sealed class WalkState(ApiDescription api)
    {
        public ApiDescription Api { get; } = api;

        public int Scripts { get; set; }

        public List<string> Origins { get; } = [];

        public List<(ApiOperation Operation, string Origin)> OperationOrigins { get; } = [];

        public List<AuthScheme?> Auths { get; } = [];

        public List<string> Headers { get; } = [];
    }

    private static void Walk(JObject node, JObject? inheritedAuth, WalkState state)
    {
        state.Scripts += (node["event"] as JArray ?? []).Count(e => e["script"] is not null);
        var auth = node["auth"] as JObject ?? inheritedAuth;
        foreach (var child in node["item"] as JArray ?? [])
        {
            if (child is not JObject item)
            {
                continue;
            }

            if (item["request"] is not null)
            {
                state.Scripts += (item["event"] as JArray ?? []).Count(e => e["script"] is not null);
                AddRequest(item, item["request"] is JObject { } r && r["auth"] is JObject own ? own : item["auth"] as JObject ?? auth, state);
            }
            else
            {
                Walk(item, auth, state);
            }
        }
    }

    private static void AddRequest(JObject item, JObject? auth, WalkState state)
    {
        var request = item["request"] is JValue { Type: JTokenType.String } bare ? new JObject { ["url"] = bare, ["method"] = "GET" } : (JObject)item["request"]!;
        var (origin, path, query, pathVariables) = ParseUrl(request["url"]);
        var method = ((string?)request["method"] ?? "GET").ToLowerInvariant();
        var name = (string?)item["name"] ?? $"{method.ToUpperInvariant()} {path}";
        var operation = new ApiOperation
        {
            Id = $"{method.ToUpperInvariant()} {path} ({name})",
            Method = method,
            Path = path,
            Summary = name,
            Description = DescriptionOf(request["description"]) ?? DescriptionOf(item["description"]),
        };

        foreach (var q in query)
        {
            if ((bool?)q["disabled"] == true && q["description"] is null)
            {
                continue;
            }

            var value = (string?)q["value"];
            var type = long.TryParse(value, out _) ? "integer" : value is "true" or "false" ? "boolean" : "string";
            operation.Parameters.Add(new ApiParameter((string?)q["key"] ?? "", "query", false, DescriptionOf(q["description"]), new JObject { ["type"] = type }));
        }

        foreach (var segment in PathParameterPattern().Matches(path).Select(m => m.Groups[1].Value).Distinct())
        {
            var variable = pathVariables.FirstOrDefault(v => (string?)v["key"] == segment);
            operation.Parameters.Add(new ApiParameter(segment, "path", true, DescriptionOf(variable?["description"]), new JObject { ["type"] = "string" }));
        }

        AuthScheme? headerAuth = null;
        foreach (var header in request["header"] as JArray ?? [])
        {
            var key = (string?)header["key"];
            var value = (string?)header["value"] ?? "";
            if (key is null || (bool?)header["disabled"] == true)
            {
                continue;
            }

            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                headerAuth = value.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) ? new AuthScheme("bearer", "http", "bearer", null, null, null, null, null)
                    : value.StartsWith("Basic", StringComparison.OrdinalIgnoreCase) ? new AuthScheme("basic", "http", "basic", null, null, null, null, null)
                    : new AuthScheme("apiKey", "apiKey", null, "header", "Authorization", null, ValuePrefix(value), null);
                continue;
            }

            if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || key.Equals("Accept", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ApiKeyHeaderPattern().IsMatch(key) && value.Contains("{{", StringComparison.Ordinal))
            {
                headerAuth ??= new AuthScheme("apiKey", "apiKey", null, "header", key, null, ValuePrefix(value), null);
                continue;
            }

            state.Headers.Add($"{key}:{value}");
        }

        state.Auths.Add(ToScheme(auth) ?? headerAuth);
        operation.RequestBody = BodySchema(request["body"]);
        foreach (var response in item["response"] as JArray ?? [])
        {
            var code = (int?)response["code"] ?? 200;
            if (code is >= 200 and < 300)
            {
                operation.ResponseBody ??= TryParse((string?)response["body"]) is { } example ? JsonSchemas.Infer(example) : null;
                foreach (var header in response["header"] as JArray ?? [])
                {
                    if ((string?)header["key"] is { } headerName && !operation.ResponseHeaders.Contains(headerName, StringComparer.OrdinalIgnoreCase))
                    {
                        operation.ResponseHeaders.Add(headerName);
                    }
                }
            }
            else if (!operation.ErrorStatuses.Contains(code.ToString()))
            {
                operation.ErrorStatuses.Add(code.ToString());
            }
        }

        state.Api.Operations.Add(operation);
        state.Origins.Add(origin);
        state.OperationOrigins.Add((operation, origin));
    }

    private static string? ValuePrefix(string value)
    {
        var placeholder = value.IndexOf("{{", StringComparison.Ordinal);
        return placeholder > 0 ? value[..placeholder] : null;
    }

    private static AuthScheme? ToScheme(JObject? auth)
    {
        var type = (string?)auth?["type"];
        return type switch
        {
            "bearer" => new AuthScheme("bearer", "http", "bearer", null, null, null, null, null),
            "basic" => new AuthScheme("basic", "http", "basic", null, null, null, null, null),
            "oauth2" => new AuthScheme("oauth2", "oauth2", null, null, null, null, null, OAuthFlows(auth!["oauth2"])),
            "apikey" => ApiKey(auth!["apikey"]),
            _ => null, // noauth, none, or auth types truto does not model (digest, hawk, aws...)
        };
    }

    private static AuthScheme ApiKey(JToken? settings)
    {
        var key = Setting(settings, "key") ?? "X-API-Key";
        var location = Setting(settings, "in") ?? "header";
        return new AuthScheme("apiKey", "apiKey", null, location, key, null, null, null);
    }

    private static JObject? OAuthFlows(JToken? settings)
    {
        var authUrl = Setting(settings, "authUrl");
        var tokenUrl = Setting(settings, "accessTokenUrl");
        return authUrl is null && tokenUrl is null ? null : new JObject
        {
            ["authorizationCode"] = new JObject { ["authorizationUrl"] = authUrl, ["tokenUrl"] = tokenUrl, ["scopes"] = new JObject() },
        };
    }

    /// <summary>A setting of an auth block in either form: v2.1 <c>[{key, value}]</c> or v2.0 <c>{key: value}</c>.</summary>
    private static string? Setting(JToken? settings, string key) => settings switch
    {
        JArray array => (string?)array.FirstOrDefault(e => (string?)e["key"] == key)?["value"],
        JObject obj => (string?)obj[key],
        _ => null,
    };

    private static (string Origin, string Path, List<JToken> Query, List<JToken> Variables) ParseUrl(JToken? url)
    {
        string raw;
        var query = new List<JToken>();
        var variables = new List<JToken>();
        if (url is JObject o)
        {
            query.AddRange(o["query"] as JArray ?? []);
            variables.AddRange(o["variable"] as JArray ?? []);
            if ((string?)o["raw"] is { Length: > 0 } r)
            {
                raw = r;
            }
            else
            {
                var host = o["host"] is JArray h ? string.Join('.', h.Select(x => (string?)x)) : (string?)o["host"] ?? "";
                var path = o["path"] is JArray p ? string.Join('/', p.Select(x => x is JObject seg ? (string?)seg["value"] : (string?)x)) : (string?)o["path"] ?? "";
                raw = ((string?)o["protocol"] is { } protocol ? protocol + "://" : "") + host + "/" + path.TrimStart('/');
            }
        }
        else
        {
            raw = (string?)url ?? "";
        }

        // v2.0 string URLs (and objects without query[]) carry their query only in the raw text.
        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        if (query.Count == 0 && queryStart >= 0)
        {
            foreach (var pair in raw[(queryStart + 1)..].Split('#')[0].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                query.Add(new JObject { ["key"] = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]), ["value"] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]) });
            }
        }

        // Some collections glue the query on with '&' instead of '?'; either way it is not the path.
        raw = raw.Split('?', '#', '&')[0].Trim();
        var scheme = "";
        var schemeEnd = raw.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            scheme = raw[..(schemeEnd + 3)];
            raw = raw[(schemeEnd + 3)..];
        }

        var slash = raw.IndexOf('/', StringComparison.Ordinal);
        var origin = scheme + (slash < 0 ? raw : raw[..slash]);
        var pathPart = slash < 0 ? "/" : raw[slash..];
        if (scheme.Length == 0 && !origin.StartsWith("{{", StringComparison.Ordinal))
        {
            origin = "https://" + origin;
        }

        // :id and {{var}} segments are parameters; normalise both to {name}.
        var segments = pathPart.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
            segment.StartsWith(':') ? "{" + segment[1..] + "}"
            : segment.StartsWith('<') && segment.EndsWith('>') ? "{" + segment[1..^1] + "}"
            : VariablePattern().Match(segment) is { Success: true } m && m.Value == segment ? "{" + m.Groups[1].Value + "}"
            : segment);
        return (origin, "/" + string.Join('/', segments), query, variables);
    }

    private static JObject? BodySchema(JToken? body)
    {
        if (body is not JObject)
        {
            return null;
        }

        var mode = (string?)body["mode"];
        switch (mode)
        {
            case "raw":
                return TryParse((string?)body!["raw"]) is { } parsed ? JsonSchemas.Infer(parsed) : null;
            case "urlencoded" or "formdata":
                var fields = (body![mode] as JArray ?? []).Where(f => f["key"] is not null).ToList();
                return new JObject
                {
                    ["type"] = "object",
                    ["properties"] = new JObject(fields.GroupBy(f => (string)f["key"]!).Select(g => new JProperty(g.Key, new JObject { ["type"] = "string" }))),
                };
            default:
                return null;
        }
    }

    private static JToken? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] is not ('{' or '['))
        {
            return null;
        }

        try
        {
            // Unquoted {{variables}} make raw bodies invalid JSON; quote them so the shape still shows.
            return JToken.Parse(UnquotedVariablePattern().Replace(text, "\"$0\""));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? DescriptionOf(JToken? description) => description switch
    {
        JValue { Type: JTokenType.String } s => ((string?)s)?.Trim() is { Length: > 0 } text ? text : null,
        JObject o => ((string?)o["content"])?.Trim() is { Length: > 0 } text ? text : null,
        _ => null,
    };

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"(?<![""\w])\{\{[^{}]+\}\}(?![""\w])")]
    private static partial Regex UnquotedVariablePattern();

    [GeneratedRegex(@"\{([^{}/]+)\}")]
    private static partial Regex PathParameterPattern();

    [GeneratedRegex(@"(?i)^(x-)?(api|auth)[-_]?(key|token)$")]
    private static partial Regex ApiKeyHeaderPattern();
}
