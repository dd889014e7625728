using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Plugins.Build.Apply;
using Truto.Plugins.Build.Lint;

namespace Truto.Plugins.Build;

[Command("lint", Description = "Audit an IntegrationFile, or a live integration by slug, without changing anything.",
    ExtendedHelpText = """

An existing path is linted offline (file mode). Anything else is a slug: the live integration's config is
fetched and linted (slug mode; its documentation rows are not). Nothing is ever written.

Audits: schema (what apply would refuse), presence_check (credentials, authorization, pagination, rate_limit,
error_expression), critic_config and critic_method_config (unknown HTTP methods, POST with {{id}} in the path,
{{variables}} that are neither built-ins nor credential fields), method_naming (list_2-style names, get/update/
partial_update/delete paths not ending in {{id}}), description_quality (when the file has documentation rows)
and method_coverage (with --compare-live: methods live but not in the file, and new ones).

Exit codes: 0 nothing blocking; 1 errors, or warnings unless --ignore-warnings; 2 the file or slug cannot be
read (missing, a folder, not JSON, no such integration).

Output: a table of findings, most serious first, and a summary on stderr. -o json|yaml|ndjson prints
{"source", "mode", "findings": [...], "summary": {"total", "error", "warn", "info"}}; -o csv prints one row per
finding (severity, section, source, resource, method, message). Machine formats always include info.

Examples:
  truto integrations lint acme-crm.integration.json
  truto integrations lint acme-crm.integration.json --ignore-warnings --ignore-info
  truto integrations lint acme-crm.integration.json --compare-live
  truto integrations lint acme-crm -o json
""")]
public sealed class LintIntegrationCommand(ITrutoApi api, IOutput output, IInvocationContext context) : ITrutoCommand
{
    private static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("SEVERITY", "severity"), new("SECTION", "section"), new("SOURCE", "source"), new("RESOURCE", "resource"), new("METHOD", "method"), new("MESSAGE", "message"),
    ];

    [Required(ErrorMessage = "name an IntegrationFile or a slug, e.g. 'truto integrations lint acme-crm.integration.json'")]
    [Argument(0, "file|slug", "An IntegrationFile path, or the slug of a live integration.")]
    public string? Target { get; set; }

    [Option("--ignore-warnings", Description = "Exit 1 only for errors.")]
    public bool IgnoreWarnings { get; set; }

    [Option("--ignore-info", Description = "Hide info findings in the table (machine formats keep them).")]
    public bool IgnoreInfo { get; set; }

    [Option("--compare-live", Description = "File mode: also compare the file's methods with the live integration (by id, else name).")]
    public bool CompareLive { get; set; }

    [Option("--integration-config-dir <path>", Description = "Accepted for scripts written for the official CLI; the pattern_match audit that reads it is not implemented.")]
    public string? IntegrationConfigDir { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var target = Target!;
        if (IntegrationConfigDir is not null)
        {
            output.Warning("--integration-config-dir is ignored: the pattern_match audit is not implemented in this truto");
        }

        var isFile = File.Exists(target) || Directory.Exists(target) || LooksLikePath(target);
        var file = isFile ? LoadFile(target) : await FetchLiveAsync(target, cancellationToken);
        var live = isFile && CompareLive ? await FindLiveAsync(file, cancellationToken) : null;

        var findings = IntegrationLinter.Lint(file, live);
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warn);
        var infos = findings.Count(f => f.Severity == Severity.Info);
        await WriteAsync(target, isFile ? "file" : "slug", findings, (errors, warnings, infos), cancellationToken);

        var blocking = errors > 0 || (warnings > 0 && !IgnoreWarnings);
        output.Status(findings.Count == 0
            ? "No findings."
            : $"{findings.Count} finding{(findings.Count == 1 ? "" : "s")}: {errors} error, {warnings} warn, {infos} info"
                + (IgnoreInfo && infos > 0 ? " (info hidden)" : "")
                + (blocking ? (errors > 0 ? "; errors block" : "; warnings block (--ignore-warnings to pass)") : "; nothing blocking"));
        return blocking ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static bool LooksLikePath(string target) =>
        target.Contains('/', StringComparison.Ordinal) || target.Contains('\\', StringComparison.Ordinal) || target.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static IntegrationFileJson LoadFile(string path)
    {
        try
        {
            return IntegrationFileJson.Load(path);
        }
        catch (IntegrationFileException e)
        {
            throw new UsageException(e.Message, e.Hint);
        }
    }

    /// <summary>Slug mode: the live config wrapped as a file (no documentation rows).</summary>
    private async Task<IntegrationFileJson> FetchLiveAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await LiveIntegrations.FindByNameAsync(api, slug, cancellationToken)
            ?? throw new UsageException($"'{slug}' is neither a file nor the slug of an integration in this environment",
                "Give the path of an IntegrationFile, or a slug from 'truto integrations list'.");
        var integration = await LiveIntegrations.GetAsync(api, (string)found["id"]!, cancellationToken);
        return new IntegrationFileJson(Synthetic(integration), slug);
    }

    private async Task<IntegrationFileJson?> FindLiveAsync(IntegrationFileJson file, CancellationToken cancellationToken)
    {
        JObject? integration = null;
        if (file.Id is { } id)
        {
            try
            {
                integration = await LiveIntegrations.GetAsync(api, id, cancellationToken);
            }
            catch (NotFoundException)
            {
            }
        }
        else if (file.Name is { } name)
        {
            integration = await LiveIntegrations.FindByNameAsync(api, name, cancellationToken);
        }

        if (integration is null)
        {
            output.Warning($"--compare-live: no live integration {(file.Id is null ? $"named '{file.Name}'" : file.Id)}; method coverage skipped");
            return null;
        }

        return new IntegrationFileJson(Synthetic(integration), (string?)integration["name"] ?? "live");
    }

    private static JObject Synthetic(JObject integration)
    {
        var root = new JObject();
        foreach (var field in new[] { "id", "name", "category", "sharing", "is_beta", "config" })
        {
            if (integration[field] is { } value)
            {
                root[field] = value.DeepClone();
            }
        }

        return root;
    }

    /// <summary>
    /// Table and csv get one row per finding; json, yaml and ndjson the documented envelope. The format itself is
    /// still the host's to render; the command only picks the shape the reference documents for each.
    /// </summary>
    private async Task WriteAsync(string source, string mode, IReadOnlyList<LintFinding> findings, (int Errors, int Warnings, int Infos) counts, CancellationToken cancellationToken)
    {
        var records = findings.Select(f => new JObject
        {
            ["severity"] = f.Severity, ["section"] = f.Section, ["source"] = f.Source, ["resource"] = f.Resource, ["method"] = f.Method, ["message"] = f.Message,
        }).ToList();
        switch (context.OutputFormat)
        {
            case OutputFormat.Table:
                await output.WriteListAsync(IgnoreInfo ? records.Where(r => (string?)r["severity"] != Severity.Info) : records, Columns, cancellationToken);
                break;
            case OutputFormat.Csv:
                await output.WriteListAsync(records, Columns, cancellationToken);
                break;
            default:
                await output.WriteObjectAsync(new JObject
                {
                    ["source"] = source,
                    ["mode"] = mode,
                    ["findings"] = new JArray(records),
                    ["summary"] = new JObject { ["total"] = findings.Count, ["error"] = counts.Errors, ["warn"] = counts.Warnings, ["info"] = counts.Infos },
                }, cancellationToken);
                break;
        }
    }
}
