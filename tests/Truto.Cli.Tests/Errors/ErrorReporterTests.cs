using System.Runtime.CompilerServices;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Errors;
using Truto.Cli.Sdk.Errors;

namespace Truto.Cli.Tests.Errors;

public sealed class ErrorReporterTests
{
    private const string Token = "truto_live_9f8e7d6c5b4a39281706";
    private readonly StringWriter _stderr = new() { NewLine = "\n" };
    private readonly SecretRedactor _redactor = new();

    [Fact]
    public void A_usage_error_exits_2_with_its_message_and_its_hint_on_its_own_line()
    {
        var exitCode = Report(new UsageException("unknown output format 'xml'", "use -o with one of: table, json, ndjson, csv, yaml"));

        exitCode.ShouldBe(2);
        _stderr.ToString().ShouldBe("""
            error: unknown output format 'xml'
            use -o with one of: table, json, ndjson, csv, yaml

            """);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void A_cli_error_exits_with_its_own_code(int code)
    {
        var exitCode = Report(new CliException("the build failed", "Fix the errors above and run 'truto build' again.", code));

        exitCode.ShouldBe(code);
        _stderr.ToString().ShouldBe("""
            error: the build failed
            Fix the errors above and run 'truto build' again.

            """);
    }

    [Fact]
    public void A_cli_error_without_a_hint_is_one_line()
    {
        Report(new NotFoundException("integrated account 7c3f1a52 not found"));

        _stderr.ToString().ShouldBe("error: integrated account 7c3f1a52 not found\n");
    }

    [Theory]
    [MemberData(nameof(TypedErrors))]
    public void Typed_errors_exit_with_the_code_their_type_stands_for(Exception exception, int expected)
    {
        Report(exception).ShouldBe(expected);
        _stderr.ToString().ShouldStartWith($"error: {exception.Message}\n");
    }

    public static TheoryData<Exception, int> TypedErrors() => new()
    {
        { new AuthRequiredException("not logged in", "Run 'truto login', or pass --token."), ExitCodes.Failure },
        { new ApiException(500, "the API answered 500 Internal Server Error"), ExitCodes.Failure },
        { new NotFoundException("no profile named 'staging'"), ExitCodes.Failure },
        { new ConflictException(409, "the integration was changed since you read it", "Get it again and retry."), ExitCodes.Failure },
        { new UsageException("missing argument <id>"), ExitCodes.Usage },
        { new CliException("a plugin's own failure", exitCode: 3), 3 },
        { new CliException("a plugin asked for exit 0 on failure", exitCode: 0), ExitCodes.Failure },
        { new CliException("a plugin asked for a negative exit code", exitCode: -5), ExitCodes.Failure },
        { new CliException("a plugin asked for more than a shell sees", exitCode: 300), ExitCodes.Failure },
    };

    [Theory]
    [MemberData(nameof(Cancellations))]
    public void Cancellation_exits_130_and_says_cancelled(Exception exception)
    {
        var exitCode = Report(exception);

        exitCode.ShouldBe(130);
        _stderr.ToString().ShouldBe("error: cancelled\n");
    }

    public static TheoryData<Exception> Cancellations() =>
    [
        new OperationCanceledException(),
        new TaskCanceledException("A task was canceled."),
    ];

    [Fact]
    public void An_unexpected_exception_exits_1_and_says_it_is_a_bug_and_how_to_report_it()
    {
        var exitCode = Report(new InvalidOperationException("Sequence contains no elements"));

        exitCode.ShouldBe(1);
        _stderr.ToString().ShouldBe("""
            error: unexpected InvalidOperationException: Sequence contains no elements
            This is a bug in truto or one of its plugins. Run the command again with -v for the stack trace, and report it.

            """);
    }

    [Fact]
    public void Without_verbose_there_is_no_stack_trace()
    {
        Report(Thrown(new InvalidOperationException("boom")));

        _stderr.ToString().ShouldNotContain(" at ");
        _stderr.ToString().ShouldNotContain(nameof(ThrowingMethod));
    }

    [Fact]
    public void With_verbose_the_stack_trace_follows_the_message_and_hint_after_a_blank_line()
    {
        var exception = Thrown(new CliException("the API could not be reached", "Check your network, or --api-url.", innerException: new HttpRequestException("Connection refused")));

        Report(exception, verbose: true);

        var lines = _stderr.ToString().Split('\n');
        lines[0].ShouldBe("error: the API could not be reached");
        lines[1].ShouldBe("Check your network, or --api-url.");
        lines[2].ShouldBeEmpty();
        lines[3].ShouldBe("Truto.Cli.Sdk.Errors.CliException: the API could not be reached");
        _stderr.ToString().ShouldContain("System.Net.Http.HttpRequestException: Connection refused");
        _stderr.ToString().ShouldContain($"{nameof(ErrorReporterTests)}.{nameof(ThrowingMethod)}");
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_that_points_at_the_commands_help()
    {
        var root = new CommandLineApplication { Name = "truto" };
        root.Command("plugins", plugins => plugins.Command("list", _ => { }));
        var parsing = Should.Throw<CommandParsingException>(() => root.Parse("plugins", "list", "--colour"));

        var exitCode = Report(parsing);

        exitCode.ShouldBe(2);
        _stderr.ToString().ShouldBe("""
            error: Unrecognized option '--colour'
            Run 'truto plugins list --help' for usage.

            """);
    }

    [Fact]
    public void An_unknown_subcommand_is_a_usage_error_that_suggests_the_nearest_one()
    {
        var root = new CommandLineApplication { Name = "truto", MakeSuggestionsInErrorMessage = true };
        root.Command("plugins", plugins => plugins.Command("list", _ => { }));
        var parsing = Should.Throw<UnrecognizedCommandParsingException>(() => root.Parse("plugins", "lst"));

        var exitCode = Report(parsing);

        exitCode.ShouldBe(2);
        _stderr.ToString().ShouldBe("""
            error: Unrecognized command or argument 'lst'
            Did you mean 'list'? Run 'truto plugins --help' for usage.

            """);
    }

    [Fact]
    public void A_registered_secret_never_reaches_stderr_from_the_message_the_hint_or_the_stack_trace()
    {
        // Given a run whose token is known to the redactor, and an error that carries the token everywhere it can:
        // the message, the hint, an inner exception and a frame of the stack trace
        _redactor.Add(Token);
        var exception = new ExceptionWithSecretsInItsStackTrace(
            $"GET /integrated-account failed with Authorization: Bearer {Token}",
            new HttpRequestException($"proxy refused token={Token}"));

        // When it is reported with -v, as an unexpected exception and as a CLI error
        var unexpectedExitCode = Report(exception, verbose: true);
        Report(new CliException($"the token {Token} was rejected", $"Run 'truto login' to replace {Token}.", innerException: exception), verbose: true);

        // Then the token is masked wherever it was, and everything else is still said
        var stderr = _stderr.ToString();
        stderr.ShouldNotContain(Token);
        stderr.ShouldNotContain(Token[..20]);
        stderr.ShouldContain("error: unexpected ExceptionWithSecretsInItsStackTrace: GET /integrated-account failed with Authorization: Bearer [REDACTED]\n");
        stderr.ShouldContain("proxy refused token=[REDACTED]");
        stderr.ShouldContain("at Truto.Cli.Api.TrutoApiClient.SendAsync(token=[REDACTED])");
        stderr.ShouldContain("error: the token [REDACTED] was rejected\nRun 'truto login' to replace [REDACTED].\n");
        unexpectedExitCode.ShouldBe(1);
    }

    private int Report(Exception exception, bool verbose = false) => ErrorReporter.Report(exception, _stderr, verbose, _redactor);

    private static Exception Thrown(Exception exception)
    {
        try
        {
            ThrowingMethod(exception);
        }
        catch (Exception thrown)
        {
            return thrown;
        }

        throw new InvalidOperationException("unreachable");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowingMethod(Exception exception) => throw exception;

    /// <summary>An exception whose stack trace names a secret, as a frame of a generated method might.</summary>
    private sealed class ExceptionWithSecretsInItsStackTrace(string message, Exception inner) : Exception(message, inner)
    {
        public override string StackTrace => $"   at Truto.Cli.Api.TrutoApiClient.SendAsync(token={Token})\n   at Truto.Plugins.Accounts.ListCommand.ExecuteAsync()";
    }
}
