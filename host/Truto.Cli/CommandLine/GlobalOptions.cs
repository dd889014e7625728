using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.CommandLine;

/// <summary>The options every command accepts, declared once on the root and inherited by every subcommand.</summary>
internal sealed class GlobalOptions
{
    /// <summary>Global options that take a value, for the pre-scan that finds the command name.</summary>
    public static readonly IReadOnlySet<string> WithValue = new HashSet<string>(StringComparer.Ordinal)
    {
        "-p", "--profile", "--token", "--api-url", "-o", "--output",
    };

    private readonly CommandOption _profile;
    private readonly CommandOption _token;
    private readonly CommandOption _apiUrl;
    private readonly CommandOption _output;
    private readonly CommandOption _verbose;
    private readonly CommandOption _noColor;

    private GlobalOptions(CommandLineApplication root)
    {
        _profile = root.Option("-p|--profile <name>", "Use this profile for this command instead of the active one.", CommandOptionType.SingleValue, inherited: true);
        _token = root.Option("--token <token>", "Use this API token instead of the profile's (for CI).", CommandOptionType.SingleValue, inherited: true);
        _apiUrl = root.Option("--api-url <url>", "Use this API base URL instead of the profile's.", CommandOptionType.SingleValue, inherited: true);
        _output = root.Option("-o|--output <format>", "Output format: table, json, ndjson, csv or yaml.", CommandOptionType.SingleValue, inherited: true);
        _verbose = root.Option("-v|--verbose", "Print HTTP traffic (secrets redacted) and stack traces to stderr.", CommandOptionType.NoValue, inherited: true);
        _noColor = root.Option("--no-color", "Never colour the output (as NO_COLOR=1 or TERM=dumb do).", CommandOptionType.NoValue, inherited: true);
        root.HelpOption("-h|--help", inherited: true);
    }

    public static GlobalOptions AddTo(CommandLineApplication root) => new(root);

    public GlobalOptionValues Read(OutputFormat commandDefault)
    {
        var output = _output.HasValue() ? GlobalOptionValues.ParseFormat(_output.Value()!) : commandDefault;
        return new GlobalOptionValues(
            Blank(_profile.Value()),
            Blank(_token.Value()),
            Blank(_apiUrl.Value()),
            output,
            _output.HasValue(),
            _verbose.HasValue(),
            _noColor.HasValue());
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
