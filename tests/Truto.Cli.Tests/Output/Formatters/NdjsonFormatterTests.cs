using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Output.Formatters;

public sealed class NdjsonFormatterTests
{
    private readonly TestTerminal _terminal = new();

    [Fact]
    public async Task Writes_one_compact_object_per_line()
    {
        var output = Renderer.On(_terminal, OutputFormat.Ndjson);

        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);

        _terminal.Stdout.ShouldBe("""
            {"id":"7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01","tenant_id":"acme-corp","integration":{"name":"hubspot","category":"crm"},"status":"active","is_sandbox":false,"created_at":"2024-03-01T10:15:00.000Z"}
            {"id":"0b9e8d7c-6f5a-4e3d-b2c1-a09f8e7d6c5b","tenant_id":"globex","integration":{"name":"zendesk","category":"ticketing"},"status":"needs_reauth","is_sandbox":true,"created_at":"2024-05-20T08:00:00.000Z"}

            """);
        _terminal.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_line_parses_back_to_the_record_it_came_from()
    {
        // Given records whose strings hold what would break a line-based format
        JObject[] records =
        [
            Records.HubSpotAccount(),
            Records.ZendeskAccount().With(new { tenant_id = "line one\nline two\r\n\ttabbed \"quoted\" \u2028 \U0001F600", context = new { tags = new[] { "a", "b" }, limits = (object?)null } }),
            Json.Object("""{ "id": "empty", "nested": { "deeper": { "list": [1, 2.5, true, null, {}] } } }"""),
        ];
        var output = Renderer.On(_terminal, OutputFormat.Ndjson);

        // When they are written as ndjson
        await output.WriteListAsync(records, [], CancellationToken.None);

        // Then there is one line per record and each parses back to it
        var lines = _terminal.Stdout.Split('\n');
        lines[^1].ShouldBeEmpty("the output ends with a newline");
        lines[..^1].Length.ShouldBe(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            JToken.DeepEquals(Json.Parse(lines[i]), records[i]).ShouldBeTrue($"line {i + 1}: {lines[i]}");
        }
    }

    [Fact]
    public async Task Writes_a_single_object_as_one_line()
    {
        var output = Renderer.On(_terminal, OutputFormat.Ndjson);

        await output.WriteObjectAsync(new { id = "tok_1", scopes = new[] { "read" } }, CancellationToken.None);

        _terminal.Stdout.ShouldBe("""
            {"id":"tok_1","scopes":["read"]}

            """);
    }

    [Fact]
    public async Task Writes_nothing_for_an_empty_list()
    {
        var output = Renderer.On(_terminal, OutputFormat.Ndjson);

        await output.WriteStreamAsync(Array.Empty<object>().AsStream(), Records.AccountColumns, CancellationToken.None);

        _terminal.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_streamed_page_reaches_the_reader_before_the_next_page_is_fetched()
    {
        // Given stdout that, like the real one, buffers until flushed, and a source that fetches two pages
        var terminal = new BufferedTerminal();
        var output = Renderer.On(terminal, OutputFormat.Ndjson);
        string? seenWhileFetchingPageTwo = null;

        async IAsyncEnumerable<object> Pages()
        {
            yield return new { id = "acc_1" };
            yield return new { id = "acc_2" };

            // Page two's request is in flight; its answer comes after the reader has been given page one.
            // (Were page one never flushed, this would wait for ever: the bound turns that into a failure.)
            await terminal.BufferedOut.NextFlush.WaitAsync(TimeSpan.FromSeconds(30));
            seenWhileFetchingPageTwo = terminal.BufferedOut.Visible;

            yield return new { id = "acc_3" };
        }

        // When the pages are streamed as ndjson
        await output.WriteStreamAsync(Pages(), [], CancellationToken.None);

        // Then the reader had page one, and only page one, while page two was fetched; then everything
        seenWhileFetchingPageTwo.ShouldBe("""
            {"id":"acc_1"}
            {"id":"acc_2"}

            """);
        terminal.BufferedOut.Visible.ShouldBe("""
            {"id":"acc_1"}
            {"id":"acc_2"}
            {"id":"acc_3"}

            """);
    }
}
