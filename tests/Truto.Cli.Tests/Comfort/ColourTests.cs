using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Comfort;

/// <summary>Colour only on a terminal, and never with NO_COLOR (any value), TERM=dumb or --no-color.</summary>
public sealed class ColourTests : IDisposable
{
    private const char Escape = '\u001b';
    private readonly TrutoTestHost _host = new() { Color = true };

    public void Dispose() => _host.Dispose();

    private static TestTerminal Terminal() => new(interactive: true, width: 200);

    [Fact]
    public async Task On_a_terminal_the_error_prefix_is_red_and_table_headers_bold()
    {
        var error = await _host.RunAsync(Terminal(), "frobnicate");
        var table = await _host.RunAsync(Terminal(), "plugins", "list");

        error.Stderr.ShouldStartWith($"{Escape}[31merror:{Escape}[0m unknown command 'frobnicate'\n");
        table.Stdout.ShouldStartWith($"{Escape}[1mNAME ");
    }

    [Fact]
    public async Task On_a_terminal_help_headings_are_bold()
    {
        var help = await _host.RunAsync(Terminal(), "profiles", "get", "--help");

        help.ExitCode.ShouldBe(0, help.ToString());
        help.Stdout.ShouldContain($"{Escape}[1mGlobal options:{Escape}[0m");
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("NO_COLOR", "")]
    [InlineData("TERM", "dumb")]
    public async Task Is_never_used_when_the_environment_asks_for_none(string variable, string value)
    {
        _host.Environment[variable] = value;

        await ShouldBePlainAsync(Terminal());
    }

    [Fact]
    public async Task Is_never_used_with_no_color()
    {
        await ShouldBePlainAsync(Terminal(), "--no-color");
    }

    [Fact]
    public async Task No_color_is_accepted_by_truto_alone()
    {
        var result = await _host.RunAsync(Terminal(), "--no-color");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Usage: truto <command>");
        result.Stdout.ShouldNotContain(Escape);
    }

    [Fact]
    public async Task Is_never_used_when_piped()
    {
        await ShouldBePlainAsync(new TestTerminal());
    }

    [Fact]
    public async Task Is_off_in_the_test_kit_unless_a_test_asks_for_it()
    {
        using var plainHost = new TrutoTestHost();

        var result = await plainHost.RunAsync(Terminal(), "frobnicate");

        result.Stderr.ShouldNotContain(Escape);
    }

    private async Task ShouldBePlainAsync(TestTerminal terminal, params string[] extra)
    {
        var error = await _host.RunAsync(terminal, ["frobnicate", .. extra]);
        var table = await _host.RunAsync(terminal, ["plugins", "list", .. extra]);
        var help = await _host.RunAsync(terminal, ["profiles", "get", "--help", .. extra]);

        error.ExitCode.ShouldBe(2);
        table.ExitCode.ShouldBe(0, table.ToString());
        foreach (var text in new[] { error.Stdout, error.Stderr, table.Stdout, table.Stderr, help.Stdout })
        {
            text.ShouldNotContain(Escape);
        }
    }
}
