using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;

namespace Truto.Plugins.Build.Tests;

/// <summary>The team's real inputs (../shared/inputs beside the repo) and a way to build one into a fresh folder.</summary>
internal static partial class BuildFixture
{
    public const string FakeAnthropicKey = "sk-ant-FAKEKEY-build-tests-7f3a9c0d";
    public const string FakeFirecrawlKey = "fc-FAKEKEY-build-tests-55aa11";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Input(string name) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "inputs", name));

    public const string PagerDuty = "openapi30-json_pagerduty-slack-integration.json";
    public const string SendGrid = "openapi31-json_sendgrid-mc-lists.json";
    public const string BigCommerce = "openapi30-yaml_bigcommerce-customers-v3.yaml";
    public const string Harbor = "swagger20-yaml_harbor-v2.yaml";
    public const string Wise = "postman21_wise-all-endpoints.json";
    public const string Intercom = "postman21_intercom-2.15.json";
    public const string RateLimitPage = "supplementary/bigcommerce-api-rate-limits.mdx";

    /// <summary>A folder for this test's output, inside the host's temporary config folder (deleted with it).</summary>
    public static string OutFolder(this TrutoTestHost host)
    {
        var folder = Path.Combine(host.ConfigDirectory, "out");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs build with --out in the host's out folder and reads the file back (null when none was written).</summary>
    public static async Task<(CliResult Result, JObject? File, string Path)> BuildAsync(this TrutoTestHost host, params string[] args)
    {
        var outPath = Path.Combine(host.OutFolder(), "result.integration.json");
        var result = await host.RunAsync(["integrations", "build", .. args, "--out", outPath]);
        return (result, File.Exists(outPath) ? JObject.Parse(await File.ReadAllTextAsync(outPath)) : null, outPath);
    }

    public static JObject Resources(this JObject file) => (JObject)file["config"]!["resources"]!;

    public static int MethodCount(this JObject file) => file.Resources().Properties().Sum(r => ((JObject)r.Value).Count);

    public static JObject Method(this JObject file, string resource, string method) => (JObject)file.Resources()[resource]![method]!;

    public static JArray Fields(this JObject file) => (JArray)file["config"]!["credentials"]!["formats"]![0]!["fields"]!;

    public static IEnumerable<string> FieldNames(this JObject file) => file.Fields().Select(f => (string)f["name"]!);

    public static void ShouldNotLeak(this CliResult result, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            result.Stdout.ShouldNotContain(secret, Case.Sensitive, result.ToString());
            result.Stderr.ShouldNotContain(secret, Case.Sensitive, result.ToString());
        }
    }

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "truto-host.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("truto-host.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The IntegrationFile shape (truto-cli-features.md §9.1 and the build-complete checklist): every problem found,
    /// so a failing test names them all.
    /// </summary>
    public static List<string> ShapeProblems(JObject file)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(file["name"] is JValue { Type: JTokenType.String } n && SlugPattern().IsMatch((string)n!), "name is not a slug");
        Check(file["label"] is JValue { Type: JTokenType.String }, "label missing");
        Check(file["category"] is JValue { Type: JTokenType.String }, "category missing");
        Check(file["sharing"] is JValue { Type: JTokenType.String }, "sharing missing");
        if (file["config"] is not JObject config)
        {
            problems.Add("config missing");
            return problems;
        }

        Check(config["label"] is JValue { Type: JTokenType.String }, "config.label missing");
        Check(config["base_url"] is JValue { Type: JTokenType.String } b && ((string)b!).Length > 0, "config.base_url missing");
        Check(config["headers"] is JObject h && h["Accept"] is not null && h["Content-Type"] is not null, "config.headers lacks Accept/Content-Type");
        var formats = config["credentials"]?["formats"] as JArray;
        Check(formats is { Count: > 0 } && formats.All(f => f["type"] is not null && f["fields"] is JArray { Count: > 0 } fields && fields.All(x => x["name"] is not null && x["type"] is not null)), "credentials need a format with fields");
        Check(config["authorization"]?["format"] is JValue && config["authorization"]?["config"] is JObject, "authorization needs format and config");

        // Every {{variable}} the base URL and authorization use is a credential field (or the OAuth token).
        var defined = formats?.SelectMany(f => f["fields"] as JArray ?? []).Select(f => (string?)f["name"]).ToHashSet() ?? [];
        foreach (Match variable in VariablePattern().Matches((string?)config["base_url"] + " " + config["authorization"]?.ToString()))
        {
            var name = variable.Groups[1].Value;
            Check(defined.Contains(name) || name.StartsWith("oauth.", StringComparison.Ordinal), $"{{{{{name}}}}} is not a credential field");
        }

        var resources = config["resources"] as JObject;
        Check(resources is { Count: > 0 }, "no resources");
        foreach (var resource in resources?.Properties() ?? [])
        {
            Check(SnakePattern().IsMatch(resource.Name), $"resource '{resource.Name}' is not snake_case");
            foreach (var method in (resource.Value as JObject ?? []).Properties())
            {
                var where = $"{resource.Name}.{method.Name}";
                Check(SnakePattern().IsMatch(method.Name), $"{where}: name is not snake_case");
                Check(!NumberedPattern().IsMatch(method.Name), $"{where}: numbered method name");
                Check((string?)method.Value["method"] is "get" or "post" or "put" or "patch" or "delete" or "head" or "options", $"{where}: bad verb");
                var path = (string?)method.Value["path"] ?? "";
                Check(path.StartsWith('/'), $"{where}: path must start with /");
                Check(!path.Contains('{') || !SingleBracePattern().IsMatch(path), $"{where}: {{param}} left in the OpenAPI form");
                if (method.Name is "get" or "update" or "partial_update" or "delete")
                {
                    Check(path.EndsWith("{{id}}", StringComparison.Ordinal), $"{where}: item method path must end in {{{{id}}}}");
                }
            }
        }

        var allowed = new HashSet<string> { "description", "query_schema", "body_schema", "response_schema", "readme", "oauth_documentation_link", "oauth_app_requires_verification", "oauth_note", "note", "end_user_guide" };
        foreach (var row in file["documentation"] as JArray ?? [])
        {
            var type = (string?)row["type"];
            Check(type is not null && allowed.Contains(type), $"documentation row type '{type}'");
            Check(row["content"] is JValue { Type: JTokenType.String }, "documentation row without content");
            if ((string?)row["resource"] is { } resource)
            {
                Check(resources?[resource]?[(string?)row["method"] ?? ""] is not null, $"documentation row for unknown {resource}.{row["method"]}");
            }
        }

        foreach (var note in file["audit_notes"] as JArray ?? [])
        {
            Check((string?)note["severity"] is "error" or "warn" or "info" && note["section"] is not null && note["message"] is not null, "malformed audit note");
        }

        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakePattern();

    [GeneratedRegex(@"_\d+$")]
    private static partial Regex NumberedPattern();

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"(?<!\{)\{[^{}]+\}(?!\})")]
    private static partial Regex SingleBracePattern();
}
