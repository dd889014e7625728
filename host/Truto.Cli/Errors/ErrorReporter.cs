using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.CommandLine;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Terminal;

namespace Truto.Cli.Errors;

/// <summary>
/// The one place an exception becomes a message on stderr and an exit code. Messages say what went wrong, then
/// on their own line what to do next; with -v the stack trace follows. Secrets are redacted here.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error, bool verbose, SecretRedactor redactor, Ansi? colors = null)
    {
        var (message, hint, exitCode) = Describe(exception);
        error.WriteLine((colors ?? Ansi.Plain).Red("error:") + " " + redactor.Redact(message));
        if (hint is not null)
        {
            error.WriteLine(redactor.Redact(hint));
        }

        if (verbose)
        {
            error.WriteLine();
            error.WriteLine(redactor.Redact(exception.ToString()));
        }

        error.Flush();
        return exitCode;
    }

    internal static (string Message, string? Hint, int ExitCode) Describe(Exception exception) => exception switch
    {
        // A failure never exits 0, and exit codes stay within what a shell can see.
        CliException cli => (cli.Message, cli.Hint, cli.ExitCode is > 0 and < 256 ? cli.ExitCode : ExitCodes.Failure),
        UnrecognizedCommandParsingException unknown => (
            FirstLine(unknown.Message),
            HelpHint(unknown.Command, unknown.NearestMatches.Select(m => AsTyped(unknown.Command, m)).Distinct().ToArray()),
            ExitCodes.Usage),
        CommandParsingException parsing => (
            FirstLine(parsing.Message).TrimEnd('.'),
            HelpHint(parsing.Command, []),
            ExitCodes.Usage),
        OperationCanceledException => ("cancelled", null, ExitCodes.Cancelled),
        _ => (
            $"unexpected {exception.GetType().Name}: {exception.Message}",
            "This is a bug in truto or one of its plugins. Run the command again with -v for the stack trace, and report it.",
            ExitCodes.Failure),
    };

    private static string HelpHint(CommandLineApplication command, string[] nearest)
    {
        var usage = $"Run '{CommandPath.Of(command)} --help' for usage.";
        return nearest.Length == 0 ? usage : $"Did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}? {usage}";
    }

    /// <summary>
    /// CommandLineUtils suggests subcommand and option names alike, options without their dashes ('shout' for
    /// '--shout'): give each back as the user has to type it.
    /// </summary>
    private static string AsTyped(CommandLineApplication command, string match)
    {
        if (command.Commands.Any(c => c.Name == match))
        {
            return match;
        }

        var option = command.GetOptions().FirstOrDefault(o => o.LongName == match || o.ShortName == match || o.SymbolName == match);
        return option is null ? match : option.LongName == match ? "--" + match : "-" + match;
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n');
        return (newline < 0 ? text : text[..newline]).Trim();
    }

}
