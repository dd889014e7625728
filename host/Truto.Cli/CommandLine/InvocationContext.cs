using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.CommandLine;

/// <summary>
/// The global options of this run. Filled in once parsing is complete, before any command executes; services read
/// it when they act, never while commands are being constructed.
/// </summary>
internal sealed class InvocationContext : IInvocationContext
{
    private GlobalOptionValues? _values;

    public GlobalOptionValues Values => _values ?? throw new InvalidOperationException("the command line has not been parsed yet");

    public string? ProfileName => Values.Profile;
    public string? ApiUrlOverride => Values.ApiUrl;
    public bool TokenGiven => Values.Token is not null;
    public OutputFormat OutputFormat => Values.Output;
    public bool Verbose => Values.Verbose;

    public void Bind(GlobalOptionValues values) => _values = values;
}

/// <summary>The parsed global options. <see cref="Token"/> is a secret: never print it.</summary>
internal sealed record GlobalOptionValues(string? Profile, string? Token, string? ApiUrl, OutputFormat Output, bool OutputGiven, bool Verbose, bool NoColor = false)
{
    public static readonly GlobalOptionValues Defaults = new(null, null, null, OutputFormat.Table, false, false);

    public override string ToString() => $"profile={Profile}, api-url={ApiUrl}, output={Output}, verbose={Verbose}";

    public static OutputFormat ParseFormat(string value) => value.Trim().ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "ndjson" or "jsonl" => OutputFormat.Ndjson,
        "csv" => OutputFormat.Csv,
        "yaml" or "yml" => OutputFormat.Yaml,
        _ => throw new UsageException(
            $"unknown output format '{value}'",
            "use -o with one of: table, json, ndjson, csv, yaml"),
    };
}
