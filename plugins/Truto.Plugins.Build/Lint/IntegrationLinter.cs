using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Truto.Plugins.Build.Apply;

namespace Truto.Plugins.Build.Lint;

/// <summary>
/// The static audit: no network, no LLM, no writes. Each rule is a small method returning findings; the command
/// decides where the file comes from and how findings are shown.
/// </summary>
internal static partial class IntegrationLinter
{
    private static readonly IReadOnlySet<string> HttpMethods = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "get", "post", "put", "patch", "delete", "head", "options",
    };

    /// <summary>Methods that act on one record, so their path should end in <c>{{id}}</c>.</summary>
    private static readonly IReadOnlySet<string> ItemMethods = new HashSet<string>(StringComparer.Ordinal) { "get", "update", "partial_update", "delete" };

    private const int ShortDescription = 20;

    [GeneratedRegex(@"^(?<base>.+)_(?<n>\d+)$")]
    private static partial Regex NumberedSuffix();

    /// <summary>Audits <paramref name="file"/>; with <paramref name="live"/>, also compares its methods with the live integration's.</summary>
    public static IReadOnlyList<LintFinding> Lint(IntegrationFileJson file, IntegrationFileJson? live)
    {
        var findings = new List<LintFinding>();
        findings.AddRange(Schema(file));
        findings.AddRange(Presence(file.Config));
        findings.AddRange(ConfigVariables(file.Config));
        foreach (var method in file.Methods)
        {
            findings.AddRange(CriticMethod(method, file.Config));
            findings.AddRange(Naming(method));
        }

        findings.AddRange(DescriptionQuality(file));
        if (live is not null)
        {
            findings.AddRange(Coverage(file, live));
        }

        return findings.OrderBy(f => Severity.Rank(f.Severity)).ToList();
    }

    /// <summary>What apply would refuse: each shape problem is an error.</summary>
    private static IEnumerable<LintFinding> Schema(IntegrationFileJson file) =>
        IntegrationFileValidator.Validate(file).Select(p =>
        {
            var segments = p.Path.Split('.');
            var (resource, method) = segments is ["config", "resources", var r, var m, ..] ? (r, (string?)m) : segments is ["config", "resources", var only] ? (only, null) : ((string?)null, (string?)null);
            var section = segments[0] == "config" && segments.Length > 1 ? segments[1] : segments[0].Split('[')[0];
            return new LintFinding(Severity.Error, section, "schema", resource, method, $"{p.Path}: {p.Message}");
        });

    private static IEnumerable<LintFinding> Presence(JObject? config)
    {
        if (config is null)
        {
            yield break;
        }

        if (config["credentials"] is not JObject { Count: > 0 })
        {
            yield return new(Severity.Warn, "credentials", "presence_check", null, null,
                "no credentials: define at least one credential format with its fields (api_key, oauth2, ...) so accounts can connect");
        }

        if (config["authorization"] is not JObject { Count: > 0 })
        {
            yield return new(Severity.Warn, "authorization", "presence_check", null, null,
                "no authorization: say how requests are authenticated (e.g. a bearer header from {{context.api_key}})");
        }

        foreach (var (field, what) in new[] { ("pagination", "list methods return only their first page"), ("rate_limit", "rate-limit answers from the provider are not recognised"), ("error_expression", "errors the provider answers with 200 go unnoticed") })
        {
            if (config[field] is null or { Type: JTokenType.Null })
            {
                yield return new(Severity.Info, field, "presence_check", null, null, $"no {field}: {what}");
            }
        }
    }

    /// <summary>Placeholders in the integration-wide parts (base URL, headers, query, authorization) that nothing defines.</summary>
    private static IEnumerable<LintFinding> ConfigVariables(JObject? config)
    {
        if (config is null)
        {
            yield break;
        }

        var fields = TemplateVariables.CredentialFields(config);
        foreach (var section in new[] { "base_url", "headers", "query", "authorization" })
        {
            foreach (var variable in TemplateVariables.In(config[section]).Distinct(StringComparer.Ordinal))
            {
                if (!TemplateVariables.Resolves(variable, fields))
                {
                    yield return new(Severity.Warn, section, "critic_config", null, null, Unresolved(variable, fields));
                }
            }
        }
    }

    private static IEnumerable<LintFinding> CriticMethod(IntegrationMethod method, JObject? config)
    {
        var verb = method.HttpMethod;
        if (verb is not null && !HttpMethods.Contains(verb))
        {
            yield return Method(Severity.Error, "critic_method_config", method, $"unknown HTTP method '{verb}': use get, post, put, patch or delete");
        }

        var path = method.UrlPath ?? "";
        // Only a create is suspect: a named custom action such as POST /invoices/{{id}}/send rightly targets a record.
        if (method.Name == "create" && string.Equals(verb, "post", StringComparison.OrdinalIgnoreCase) && HasIdPlaceholder(path))
        {
            yield return Method(Severity.Warn, "critic_method_config", method,
                $"POST with {{{{id}}}} in the path ({path}): a create does not target an existing record; is this an update or a custom action?");
        }

        if (method.Name == "create" && verb is not null && !string.Equals(verb, "post", StringComparison.OrdinalIgnoreCase) && !string.Equals(verb, "put", StringComparison.OrdinalIgnoreCase))
        {
            yield return Method(Severity.Warn, "critic_method_config", method, $"create uses HTTP {verb}: creates are POST (or PUT)");
        }

        if (method.Name == "list" && HasIdPlaceholder(path) && path.TrimEnd('/').EndsWith("}}", StringComparison.Ordinal))
        {
            yield return Method(Severity.Warn, "critic_method_config", method, $"list ends its path in a placeholder ({path}): that reads like a get");
        }

        var fields = TemplateVariables.CredentialFields(config);
        foreach (var variable in TemplateVariables.In(method.Config).Distinct(StringComparer.Ordinal))
        {
            if (!TemplateVariables.Resolves(variable, fields))
            {
                yield return Method(Severity.Warn, "critic_method_config", method, Unresolved(variable, fields));
            }
        }
    }

    private static IEnumerable<LintFinding> Naming(IntegrationMethod method)
    {
        if (NumberedSuffix().Match(method.Name) is { Success: true } numbered)
        {
            yield return Method(Severity.Warn, "method_naming", method,
                $"numbered method name '{method.Name}': name it after what it does (e.g. {numbered.Groups["base"].Value}_archived) or merge it into '{numbered.Groups["base"].Value}'");
        }

        if (ItemMethods.Contains(method.Name) && method.UrlPath is { } path)
        {
            var last = path.Split('?')[0].TrimEnd('/').Split('/')[^1].Replace(" ", "", StringComparison.Ordinal);
            if (last != "{{id}}")
            {
                yield return Method(Severity.Warn, "method_naming", method,
                    $"'{method.Name}' acts on one record, but its path ({path}) does not end in {{{{id}}}}: end it in /{{{{id}}}} or rename the method");
            }
        }
    }

    /// <summary>Only when the file has documentation rows: each method's description, and descriptions of methods that do not exist.</summary>
    private static IEnumerable<LintFinding> DescriptionQuality(IntegrationFileJson file)
    {
        var rows = file.DocumentationRows;
        if (rows.Count == 0)
        {
            yield break;
        }

        var methods = file.Methods.ToList();
        var descriptions = rows.Where(r => IntegrationFileJson.Text(r["type"]) == "description").ToList();
        foreach (var method in methods)
        {
            var row = descriptions.FirstOrDefault(r => IntegrationFileJson.Text(r["resource"]) == method.Resource && IntegrationFileJson.Text(r["method"]) == method.Name);
            if (row is null)
            {
                yield return Method(Severity.Info, "description_quality", method, "no description row: tools and capabilities will show this method without one");
                continue;
            }

            var text = (IntegrationFileJson.Content(row["content"]) ?? "").Trim();
            if (text.Length == 0)
            {
                yield return Method(Severity.Warn, "description_quality", method, "empty description");
            }
            else if (RepeatsName(text, method))
            {
                yield return Method(Severity.Warn, "description_quality", method, $"the description \"{text}\" only repeats the method's name: say what it returns or does");
            }
            else if (text.Length < ShortDescription)
            {
                yield return Method(Severity.Info, "description_quality", method, $"short description ({text.Length} characters): \"{text}\"");
            }
        }

        foreach (var row in rows.Where(r => IntegrationFileJson.Text(r["resource"]) is not null && IntegrationFileJson.Text(r["method"]) is not null))
        {
            var (resource, name) = (IntegrationFileJson.Text(row["resource"])!, IntegrationFileJson.Text(row["method"])!);
            if (!methods.Any(m => m.Resource == resource && m.Name == name))
            {
                yield return new(Severity.Warn, "documentation", "description_quality", resource, name,
                    $"a {IntegrationFileJson.Text(row["type"])} row describes {resource}.{name}, which config.resources does not have");
            }
        }
    }

    /// <summary>Methods the live integration has that the file lacks (apply keeps them: config is merged), and the file's new ones.</summary>
    private static IEnumerable<LintFinding> Coverage(IntegrationFileJson file, IntegrationFileJson live)
    {
        var mine = file.Methods.Select(m => (m.Resource, m.Name)).ToHashSet();
        var theirs = live.Methods.Select(m => (m.Resource, m.Name)).ToHashSet();
        foreach (var method in live.Methods.Where(m => !mine.Contains((m.Resource, m.Name))))
        {
            yield return Method(Severity.Warn, "method_coverage", method,
                $"live method {method.Resource}.{method.Name} is missing from the file (apply merges config, so it stays live; set it to null to delete it)");
        }

        foreach (var method in file.Methods.Where(m => !theirs.Contains((m.Resource, m.Name))))
        {
            yield return Method(Severity.Info, "method_coverage", method, $"new method {method.Resource}.{method.Name}: not live yet");
        }
    }

    private static LintFinding Method(string severity, string source, IntegrationMethod method, string message) =>
        new(severity, "resources", source, method.Resource, method.Name, message);

    private static bool HasIdPlaceholder(string path) => path.Replace(" ", "", StringComparison.Ordinal).Contains("{{id}}", StringComparison.Ordinal);

    private static string Unresolved(string variable, IReadOnlySet<string> fields) =>
        $"{{{{{variable}}}}} is not defined: not a built-in, a credential field{(fields.Count > 0 ? $" ({string.Join(", ", fields.Order(StringComparer.Ordinal))})" : "")} or context.<credential field>";

    /// <summary>"list", "List contacts", "contacts list", "Get contact": the name and resource (singular or plural) and nothing else.</summary>
    private static bool RepeatsName(string text, IntegrationMethod method)
    {
        var said = Normalize(text);
        var resources = new[] { method.Resource, method.Resource.TrimEnd('s') };
        return said == Normalize(method.Name)
            || resources.Any(r => said == Normalize($"{method.Name} {r}") || said == Normalize($"{r} {method.Name}"));
    }

    private static string Normalize(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
