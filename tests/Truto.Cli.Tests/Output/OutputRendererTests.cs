using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Output;

public sealed class OutputRendererTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Under_the_table_format_status_lines_go_to_stderr_and_data_alone_to_stdout(bool interactive)
    {
        var terminal = new TestTerminal(interactive: interactive, width: 100);
        var output = Renderer.On(terminal, OutputFormat.Table);

        output.Status("Fetched 2 accounts");
        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);
        output.Status("Next page: --next-cursor abc123");

        terminal.Stderr.ShouldBe("""
            Fetched 2 accounts
            Next page: --next-cursor abc123

            """);
        terminal.Stdout.ShouldNotContain("Fetched");
        terminal.Stdout.ShouldNotContain("Next page");
    }

    [Theory]
    [InlineData(OutputFormat.Json)]
    [InlineData(OutputFormat.Ndjson)]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.Yaml)]
    public async Task Under_machine_formats_status_lines_are_suppressed(OutputFormat format)
    {
        var terminal = new TestTerminal(interactive: true);
        var output = Renderer.On(terminal, format);

        output.Status("Fetched 2 accounts");
        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);
        output.Status("Next page: --next-cursor abc123");

        terminal.Stderr.ShouldBeEmpty();
        terminal.Stdout.ShouldNotContain("Fetched");
        terminal.Stdout.ShouldNotContain("Next page");
    }

    [Theory]
    [InlineData(OutputFormat.Table)]
    [InlineData(OutputFormat.Json)]
    [InlineData(OutputFormat.Ndjson)]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.Yaml)]
    public async Task Warnings_go_to_stderr_in_every_format(OutputFormat format)
    {
        var terminal = new TestTerminal();
        var output = Renderer.On(terminal, format);

        output.Warning("the token expires in 2 days");
        await output.WriteObjectAsync(Records.HubSpotAccount(), CancellationToken.None);

        terminal.Stderr.ShouldBe("warning: the token expires in 2 days\n");
        terminal.Stdout.ShouldNotContain("expires");
    }

    [Fact]
    public async Task Stdout_under_json_is_exactly_the_document_whatever_else_is_said()
    {
        var terminal = new TestTerminal(interactive: true);
        var output = Renderer.On(terminal, OutputFormat.Json);

        output.Status("Fetching accounts...");
        output.Warning("1 plugin(s) could not be loaded");
        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);
        output.Status("Next page: --next-cursor abc123");

        JToken.DeepEquals(Json.Parse(terminal.Stdout), new JArray(Records.Accounts())).ShouldBeTrue(terminal.Stdout);
        terminal.Stderr.ShouldBe("warning: 1 plugin(s) could not be loaded\n");
    }

    [Fact]
    public async Task A_cancelled_write_writes_nothing()
    {
        var terminal = new TestTerminal();
        var output = Renderer.On(terminal, OutputFormat.Json);

        await Should.ThrowAsync<OperationCanceledException>(() => output.WriteObjectAsync(Records.HubSpotAccount(), new CancellationToken(canceled: true)));

        terminal.Stdout.ShouldBeEmpty();
    }
}
