using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Refinement;

/// <summary>A finding of <see cref="IntegrationValidator"/>: <c>error</c> and <c>method_naming</c> warnings block completion.</summary>
internal sealed record ValidationFinding(string Severity, string Source, string Path, string Message)
{
    public bool BlocksCompletion => Severity == "error" || Source == "method_naming";
}

/// <summary>
/// JSON-shape checks of an IntegrationFile: the build-complete checklist (name, label, category, sharing; a base URL
/// whose <c>{{vars}}</c> are credential fields; a credential format with a field; authorization; headers; a resource
/// with a method that has path and method) and the <c>method_naming</c> rule (no numbered suffixes; item methods end
/// in <c>{{id}}</c>). The agent reads these findings and fixes them before it may finish.
/// </summary>
internal static partial class IntegrationValidator
{
    private static readonly HashSet<string> HttpMethods = ["get", "post", "put", "patch", "delete", "head", "options"];
    private static readonly HashSet<string> ItemMethods = ["get", "update", "partial_update", "delete"];

    public static IReadOnlyList<ValidationFinding> Validate(JObject file)
    {
        var findings = new List<ValidationFinding>();
        void Error(string path, string message) => findings.Add(new("error", "presence_check", path, message));

        var name = file["name"]?.Type == JTokenType.String ? (string)file["name"]! : "";
        if (!Slug().IsMatch(name))
        {
            Error("/name", "`name` must be the integration's slug: lower-case letters, digits, '-' or '_'.");
        }

        foreach (var field in new[] { "label", "category", "sharing" })
        {
            if (file[field]?.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)file[field]))
            {
                Error("/" + field, $"`{field}` must be set.");
            }
        }

        if (file["config"] is not JObject config)
        {
            Error("/config", "`config` must be an object.");
            return findings;
        }

        var credentialFields = CredentialFields(config["credentials"]);
        if (credentialFields.Count == 0)
        {
            Error("/config/credentials", "at least one credential format with at least one field is required.");
        }

        var baseUrl = config["base_url"]?.Type == JTokenType.String ? (string)config["base_url"]! : "";
        if (!Uri.TryCreate(Variable().Replace(baseUrl, "x"), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            Error("/config/base_url", "`config.base_url` must be an absolute http(s) URL.");
        }

        foreach (Match variable in Variable().Matches(baseUrl))
        {
            var field = variable.Groups[1].Value.Trim();
            if (!credentialFields.Contains(field) && !credentialFields.Contains(field.Split('.').Last()))
            {
                Error("/config/base_url", $"`{{{{{field}}}}}` in base_url is not a credential field.");
            }
        }

        if (config["authorization"] is null or { Type: JTokenType.Null } || config["authorization"] is JContainer { Count: 0 })
        {
            Error("/config/authorization", "`config.authorization` must be set.");
        }

        if (config["headers"] is not JObject { Count: > 0 })
        {
            findings.Add(new("warn", "presence_check", "/config/headers", "`config.headers` should set Accept and Content-Type."));
        }

        ValidateResources(config["resources"], findings);
        return findings;
    }

    private static void ValidateResources(JToken? resources, List<ValidationFinding> findings)
    {
        var complete = 0;
        foreach (var resource in (resources as JObject)?.Properties() ?? [])
        {
            foreach (var method in (resource.Value as JObject)?.Properties() ?? [])
            {
                var at = $"/config/resources/{resource.Name}/{method.Name}";
                var path = method.Value["path"]?.Type == JTokenType.String ? (string)method.Value["path"]! : null;
                var verb = method.Value["method"]?.Type == JTokenType.String ? ((string)method.Value["method"]!).ToLowerInvariant() : null;
                if (path is null || !path.StartsWith('/'))
                {
                    findings.Add(new("error", "critic_method_config", at + "/path", "`path` must be set and start with '/'."));
                }

                if (verb is null || !HttpMethods.Contains(verb))
                {
                    findings.Add(new("error", "critic_method_config", at + "/method", "`method` must be an HTTP method (get, post, put, patch, delete)."));
                }

                if (path is not null && verb is not null)
                {
                    complete++;
                }

                if (NumberedSuffix().IsMatch(method.Name))
                {
                    findings.Add(new("warn", "method_naming", at, $"method `{method.Name}` has a numbered suffix; name it after what it does."));
                }
                else if (ItemMethods.Contains(method.Name) && path is not null && !path.TrimEnd('/').EndsWith("{{id}}", StringComparison.Ordinal))
                {
                    findings.Add(new("warn", "method_naming", at, $"item method `{method.Name}` must end its path in {{{{id}}}}; rename it or fix the path."));
                }
            }
        }

        if (complete == 0)
        {
            findings.Add(new("error", "presence_check", "/config/resources", "at least one resource with a method that has `path` and `method` is required."));
        }
    }

    /// <summary>Every field name under any <c>fields</c> array of the credentials, whatever the format's nesting.</summary>
    private static HashSet<string> CredentialFields(JToken? credentials) =>
        credentials?.SelectTokens("$..fields[*].name").Select(t => t.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"\{\{\s*([^}]+?)\s*\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"_\d+$")]
    private static partial Regex NumberedSuffix();
}
