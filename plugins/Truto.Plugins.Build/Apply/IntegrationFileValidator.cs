using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Apply;

/// <summary>One thing wrong with a file, at a JSON path such as <c>config.resources.contacts.list.path</c>.</summary>
internal sealed record FileProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// The shape checks apply makes before any API call: what the API would refuse, reported all at once with JSON
/// paths. Judgement calls (naming, unresolved variables, missing pagination) are lint's business, not this.
/// </summary>
internal static partial class IntegrationFileValidator
{
    public static readonly IReadOnlySet<string> SharingValues = new HashSet<string>(StringComparer.Ordinal) { "ask", "deny", "allow" };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    public static partial Regex Slug();

    public static IReadOnlyList<FileProblem> Validate(IntegrationFileJson file)
    {
        var problems = new List<FileProblem>();
        var root = file.Root;

        switch (root["name"])
        {
            case null:
                problems.Add(new("name", "is required: the integration's slug, e.g. \"acme-crm\""));
                break;
            case JValue { Type: JTokenType.String } name when Slug().IsMatch((string)name!):
                break;
            case JValue { Type: JTokenType.String } name:
                problems.Add(new("name", $"\"{name}\" is not a slug: use lower-case letters, digits, '-' and '_'"));
                break;
            default:
                problems.Add(new("name", "must be a string"));
                break;
        }

        if (root["id"] is { } id && (id.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)id)))
        {
            problems.Add(new("id", "must be the integration's id (a non-empty string); remove it to create the integration"));
        }

        foreach (var field in new[] { "label", "category" })
        {
            if (root[field] is { } value && value.Type is not (JTokenType.String or JTokenType.Null))
            {
                problems.Add(new(field, "must be a string"));
            }
        }

        if (root["sharing"] is { } sharing && (sharing.Type != JTokenType.String || !SharingValues.Contains((string)sharing!)))
        {
            problems.Add(new("sharing", $"must be one of ask, deny, allow, not {sharing.ToString(Newtonsoft.Json.Formatting.None)}"));
        }

        ValidateConfig(root["config"], problems);
        ValidateDocumentation(root["documentation"], problems);

        if (root["audit_notes"] is { } notes && notes.Type != JTokenType.Array)
        {
            problems.Add(new("audit_notes", "must be an array"));
        }

        return problems;
    }

    private static void ValidateConfig(JToken? token, List<FileProblem> problems)
    {
        if (token is null)
        {
            problems.Add(new("config", "is required: the integration's config (base_url, credentials, resources, ...)"));
            return;
        }

        if (token is not JObject config)
        {
            problems.Add(new("config", "must be an object"));
            return;
        }

        foreach (var field in new[] { "label", "base_url", "logo", "icon" })
        {
            if (config[field] is { } value && value.Type is not (JTokenType.String or JTokenType.Null))
            {
                problems.Add(new($"config.{field}", "must be a string"));
            }
        }

        foreach (var field in new[] { "headers", "query", "credentials", "authorization", "pagination", "rate_limit" })
        {
            if (config[field] is { } value && value.Type is not (JTokenType.Object or JTokenType.Null))
            {
                problems.Add(new($"config.{field}", "must be an object"));
            }
        }

        if (config["resources"] is not { } resourcesToken)
        {
            return;
        }

        if (resourcesToken is not JObject resources)
        {
            problems.Add(new("config.resources", "must be an object of resources, each an object of methods"));
            return;
        }

        foreach (var resource in resources.Properties())
        {
            if (resource.Value is not JObject methods)
            {
                problems.Add(new($"config.resources.{resource.Name}", "must be an object of methods"));
                continue;
            }

            foreach (var method in methods.Properties())
            {
                var path = $"config.resources.{resource.Name}.{method.Name}";
                if (method.Value is not JObject methodConfig)
                {
                    problems.Add(new(path, "must be an object with at least method and path"));
                    continue;
                }

                foreach (var field in new[] { "method", "path" })
                {
                    if (methodConfig[field] is not JValue { Type: JTokenType.String } value || string.IsNullOrWhiteSpace((string?)value))
                    {
                        problems.Add(new($"{path}.{field}", methodConfig[field] is null ? "is required" : "must be a non-empty string"));
                    }
                }
            }
        }
    }

    private static void ValidateDocumentation(JToken? token, List<FileProblem> problems)
    {
        if (token is null)
        {
            return;
        }

        if (token is not JArray rows)
        {
            problems.Add(new("documentation", "must be an array of rows {type, resource?, method?, content}"));
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var path = $"documentation[{i}]";
            if (rows[i] is not JObject row)
            {
                problems.Add(new(path, "must be an object {type, resource?, method?, content}"));
                continue;
            }

            var type = IntegrationFileJson.Text(row["type"]);
            if (string.IsNullOrWhiteSpace(type))
            {
                problems.Add(new($"{path}.type", "is required (description, query_schema, body_schema, response_schema, readme, ...)"));
            }

            if (IntegrationFileJson.Content(row["content"]) is null)
            {
                problems.Add(new($"{path}.content", row["content"] is null ? "is required" : "must be a string"));
            }

            foreach (var field in new[] { "resource", "method" })
            {
                if (row[field] is { } value && value.Type is not (JTokenType.String or JTokenType.Null))
                {
                    problems.Add(new($"{path}.{field}", "must be a string"));
                }
            }

            if (type is not null && IntegrationFileJson.PerMethodDocumentationTypes.Contains(type)
                && (IntegrationFileJson.Text(row["resource"]) is null || IntegrationFileJson.Text(row["method"]) is null))
            {
                problems.Add(new(path, $"a {type} row describes one method: give resource and method"));
            }

            if (type is not null)
            {
                var key = DocumentationKey.Of(row).ToString();
                if (seen.TryGetValue(key, out var first))
                {
                    problems.Add(new(path, $"repeats documentation[{first}] ({key}): keep one row per type, resource and method"));
                }
                else
                {
                    seen[key] = i;
                }
            }
        }
    }
}
