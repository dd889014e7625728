using System.Text;
using Newtonsoft.Json.Linq;
using Truto.Cli.Api;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Terminal;
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
    [Fact]
    public async Task A_listing_copied_as_bytes_that_fails_half_way_keeps_its_whole_records_and_says_it_is_incomplete()
    {
        // Given stdout is a UTF-8 writer over a stream, as in the real process, so verbatim records go out as bytes
        var streams = new StreamStdout();
        var output = Renderer.On(streams, OutputFormat.Ndjson);
        var page = Encoding.UTF8.GetBytes("""[{"id":"a","n":1},{"id":"b","n":2},{"id":"c","n":3}]""");

        // When the listing fails after its first page
        var failure = await Should.ThrowAsync<IOException>(() => output.WriteStreamAsync(FirstPageThenFailure(page), [], CancellationToken.None));

        // Then the page's records are on stdout whole, followed by nothing, and stderr says the output is incomplete
        failure.Message.ShouldBe("the second page failed");
        streams.Stdout.ShouldBe("{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\",\"n\":2}\n{\"id\":\"c\",\"n\":3}\n");
        streams.Stderr.ShouldBe("warning: the output stopped after 3 records and is incomplete\n");
    }

    private static async IAsyncEnumerable<object> FirstPageThenFailure(byte[] page)
    {
        var record = new RawJsonObject();
        foreach (var range in new[] { 1..17, 18..34, 35..51 })
        {
            yield return record.Reset(page.AsMemory(range));
        }

        await Task.Yield(); // the next page is not there yet: the renderer hands the page over here
        throw new IOException("the second page failed");
    }

    /// <summary>stdout as the real process has it: a UTF-8 StreamWriter over a stream.</summary>
    private sealed class StreamStdout : IStandardStreams
    {
        private readonly MemoryStream _stdout = new();
        private readonly StringWriter _stderr = new() { NewLine = "\n" };

        public StreamStdout() => Out = new StreamWriter(_stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16, leaveOpen: true) { NewLine = "\n" };

        public string Stdout => Encoding.UTF8.GetString(_stdout.ToArray());
        public string Stderr => _stderr.ToString();
        public TextReader In => TextReader.Null;
        public TextWriter Out { get; }
        public TextWriter Error => _stderr;
        public bool IsInputTerminal => false;
        public bool IsOutputTerminal => false;
        public bool IsErrorTerminal => false;
        public int Width => 80;
        public bool CanPrompt => false;
    }
}
