using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Lint;

/// <summary>
/// The <c>{{placeholders}}</c> of a config and whether each resolves. A placeholder resolves when its root (the part
/// before the first <c>.</c> or <c>[</c>) is one of the values Truto supplies at request time (<see cref="BuiltIns"/>),
/// a credential field, or <c>context.&lt;credential field&gt;</c> (credentials are stored in the account's context).
/// </summary>
internal static partial class TemplateVariables
{
    /// <summary>What Truto supplies while making a request: the record id, the caller's query and body, the OAuth token, paging state.</summary>
    public static readonly IReadOnlySet<string> BuiltIns = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "query", "body", "headers", "oauth", "page", "page_size", "limit", "cursor", "next_cursor", "offset",
        "response", "request", "method", "resource", "now", "raw_query", "integrated_account", "integration",
        "environment", "tenant_id", "remote_id",
    };

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Every placeholder expression in every string under <paramref name="token"/>.</summary>
    public static IEnumerable<string> In(JToken? token)
    {
        if (token is null)
        {
            yield break;
        }

        IEnumerable<JValue> strings = token switch
        {
            JValue { Type: JTokenType.String } single => [single],
            JContainer container => container.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String),
            _ => [],
        };
        foreach (var value in strings)
        {
            foreach (Match match in Placeholder().Matches((string)value!))
            {
                yield return match.Groups[1].Value;
            }
        }
    }

    /// <summary>The names of every credential field: each <c>name</c> in a <c>fields</c> list under <c>config.credentials</c>.</summary>
    public static IReadOnlySet<string> CredentialFields(JObject? config)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (config?["credentials"] is not JObject credentials)
        {
            return names;
        }

        foreach (var fields in credentials.Descendants().OfType<JProperty>().Where(p => p.Name == "fields"))
        {
            var entries = fields.Value switch
            {
                JArray list => list.OfType<JObject>().Select(f => (string?)(f["name"] as JValue)),
                JObject map => map.Properties().Select(p => (string?)p.Name),
                _ => [],
            };
            foreach (var name in entries.OfType<string>())
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>True when <paramref name="expression"/> resolves; see the class summary.</summary>
    public static bool Resolves(string expression, IReadOnlySet<string> credentialFields)
    {
        var parts = Root(expression).Split('.', 3);
        var root = parts[0];
        if (root.Length == 0 || BuiltIns.Contains(root) || credentialFields.Contains(root))
        {
            return true;
        }

        return root == "context" && parts.Length > 1 && (credentialFields.Contains(parts[1]) || parts[1] is "oauth" or "instance_url" or "remote_id");
    }

    private static string Root(string expression)
    {
        // "context.api_key | trim" and "items[0].id": only the path matters.
        var path = expression.Split([' ', '|', '('], 2)[0];
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? path[..bracket] : path;
    }
}
