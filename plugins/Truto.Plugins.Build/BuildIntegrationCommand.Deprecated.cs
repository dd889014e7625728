using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Errors;

namespace Truto.Plugins.Build;

/// <summary>
/// Flags the official CLI removed. They are still recognised so that old scripts fail fast (exit 2, before any key
/// is resolved or page fetched) with what to use instead, rather than with a bare "unknown option".
/// </summary>
public sealed partial class BuildIntegrationCommand
{
    [Option("--resources <csv>", ShowInHelpText = false)]
    public string? DeprecatedResources { get; set; }

    [Option("--dry-run", ShowInHelpText = false)]
    public bool DeprecatedDryRun { get; set; }

    [Option("-y|--yes", ShowInHelpText = false)]
    public bool DeprecatedYes { get; set; }

    [Option("--include-low-confidence", ShowInHelpText = false)]
    public bool DeprecatedIncludeLowConfidence { get; set; }

    [Option("--plan-out <file>", ShowInHelpText = false)]
    public string? DeprecatedPlanOut { get; set; }

    [Option("--report-out <file>", ShowInHelpText = false)]
    public string? DeprecatedReportOut { get; set; }

    [Option("-c|--category <category>", ShowInHelpText = false)]
    public string? DeprecatedCategory { get; set; }

    [Option("-l|--label <label>", ShowInHelpText = false)]
    public string? DeprecatedLabel { get; set; }

    [Option("--base-url <url>", ShowInHelpText = false)]
    public string? DeprecatedBaseUrl { get; set; }

    [Option("--no-bootstrap", ShowInHelpText = false)]
    public bool DeprecatedNoBootstrap { get; set; }

    [Option("--no-basic-details", ShowInHelpText = false)]
    public bool DeprecatedNoBasicDetails { get; set; }

    [Option("--no-query-schema", ShowInHelpText = false)]
    public bool DeprecatedNoQuerySchema { get; set; }

    [Option("--no-body-schema", ShowInHelpText = false)]
    public bool DeprecatedNoBodySchema { get; set; }

    [Option("--descriptions-only", ShowInHelpText = false)]
    public bool DeprecatedDescriptionsOnly { get; set; }

    [Option("--rewrite-bad-descriptions", ShowInHelpText = false)]
    public bool DeprecatedRewriteBadDescriptions { get; set; }

    [Option("--no-llm-canonicalize", ShowInHelpText = false)]
    public bool DeprecatedNoLlmCanonicalize { get; set; }

    [Option("--no-llm-regroup", ShowInHelpText = false)]
    public bool DeprecatedNoLlmRegroup { get; set; }

    [Option("--no-llm-split-buckets", ShowInHelpText = false)]
    public bool DeprecatedNoLlmSplitBuckets { get; set; }

    [Option("--strict", ShowInHelpText = false)]
    public bool DeprecatedStrict { get; set; }

    [Option("--no-validate", ShowInHelpText = false)]
    public bool DeprecatedNoValidate { get; set; }

    [Option("--keep-inline-docs", ShowInHelpText = false)]
    public bool DeprecatedKeepInlineDocs { get; set; }

    private void RejectDeprecatedFlags()
    {
        const string Edit = "Edit the generated file, or steer the build with --instructions \"...\".";
        const string Lint = "Check the file with 'truto integrations lint <file>' (--ignore-warnings to relax).";
        (bool Given, string Flag, string Instead)[] flags =
        [
            (DeprecatedResources is not null, "--resources", "Every resource is built now; drop the ones you do not want from the file, or use the refinement prompt."),
            (DeprecatedDryRun, "--dry-run", "build never pushes anything; preview a push with 'truto integrations apply <file> --dry-run'."),
            (DeprecatedYes, "--yes", "Use --no-refine for a build that asks nothing."),
            (DeprecatedIncludeLowConfidence, "--include-low-confidence", "Everything found is written; review the file's audit_notes and run 'truto integrations lint <file>'."),
            (DeprecatedPlanOut is not null, "--plan-out", "The plan is the file itself; its audit_notes say what was inferred."),
            (DeprecatedReportOut is not null, "--report-out", "Run 'truto integrations lint <file> -o json > report.json'."),
            (DeprecatedCategory is not null, "--category", Edit),
            (DeprecatedLabel is not null, "--label", Edit),
            (DeprecatedBaseUrl is not null, "--base-url", Edit),
            (DeprecatedNoBootstrap, "--no-bootstrap", "Remove the flag; use --no-llm for a deterministic build."),
            (DeprecatedNoBasicDetails, "--no-basic-details", Edit),
            (DeprecatedNoQuerySchema, "--no-query-schema", "Documentation rows are always written; delete the ones you do not want from the file."),
            (DeprecatedNoBodySchema, "--no-body-schema", "Documentation rows are always written; delete the ones you do not want from the file."),
            (DeprecatedDescriptionsOnly, "--descriptions-only", "Use 'truto integrations apply <file> --docs-only' to push documentation rows only."),
            (DeprecatedRewriteBadDescriptions, "--rewrite-bad-descriptions", "Ask for it at the refinement prompt, or pass --instructions \"rewrite weak descriptions\"."),
            (DeprecatedNoLlmCanonicalize, "--no-llm-canonicalize", "Use --no-llm for a fully deterministic build."),
            (DeprecatedNoLlmRegroup, "--no-llm-regroup", "Use --no-llm for a fully deterministic build."),
            (DeprecatedNoLlmSplitBuckets, "--no-llm-split-buckets", "Use --no-llm for a fully deterministic build."),
            (DeprecatedStrict, "--strict", Lint),
            (DeprecatedNoValidate, "--no-validate", Lint),
            (DeprecatedKeepInlineDocs, "--keep-inline-docs", "Documentation rows are always kept in the file's documentation array."),
        ];
        if (flags.FirstOrDefault(f => f.Given) is { Given: true } used)
        {
            throw new UsageException($"{used.Flag} is no longer supported by 'truto integrations build'", used.Instead);
        }
    }
}
