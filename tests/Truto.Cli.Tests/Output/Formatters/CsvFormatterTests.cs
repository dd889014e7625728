using CsvHelper;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Output.Formatters;

public sealed class CsvFormatterTests
{
    private readonly TestTerminal _terminal = new();

    [Fact]
    public async Task Writes_a_header_from_the_first_record_then_one_row_per_record_with_crlf_endings()
    {
        var output = Renderer.On(_terminal, OutputFormat.Csv);

        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);

        // Nested objects are compact JSON in one cell; the column spec is only for tables.
        _terminal.Stdout.ShouldBe("""
            id,tenant_id,integration,status,is_sandbox,created_at
            7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01,acme-corp,"{""name"":""hubspot"",""category"":""crm""}",active,false,2024-03-01T10:15:00.000Z
            0b9e8d7c-6f5a-4e3d-b2c1-a09f8e7d6c5b,globex,"{""name"":""zendesk"",""category"":""ticketing""}",needs_reauth,true,2024-05-20T08:00:00.000Z

            """.ReplaceLineEndings("\r\n"));
        _terminal.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Quotes_fields_holding_commas_quotes_and_line_breaks_as_rfc_4180_says()
    {
        var record = Json.Object("""
            { "plain": "acme", "comma": "Acme, Inc.", "quote": "the \"best\" one", "crlf": "one\r\ntwo", "lf": "one\ntwo", "cr": "one\rtwo", "spaces": " padded " }
            """);
        var output = Renderer.On(_terminal, OutputFormat.Csv);

        await output.WriteListAsync([record], [], CancellationToken.None);

        _terminal.Stdout.ShouldBe(
            "plain,comma,quote,crlf,lf,cr,spaces\r\n" +
            "acme,\"Acme, Inc.\",\"the \"\"best\"\" one\",\"one\r\ntwo\",\"one\ntwo\",\"one\rtwo\", padded \r\n");
    }

    [Fact]
    public async Task Writes_scalars_as_text_arrays_of_scalars_as_one_cell_and_nested_values_as_compact_json()
    {
        var record = Json.Object("""
            {
              "count": 42,
              "ratio": 0.25,
              "active": true,
              "deleted_at": null,
              "scopes": ["read", "write"],
              "empty": [],
              "rows": [{ "id": 1 }, { "id": 2 }],
              "context": { "region": "wnam", "limits": { "rps": 10 } }
            }
            """);
        var output = Renderer.On(_terminal, OutputFormat.Csv);

        await output.WriteObjectAsync(record, CancellationToken.None);

        _terminal.Stdout.ShouldBe("""
            count,ratio,active,deleted_at,scopes,empty,rows,context
            42,0.25,true,,"read, write",,"[{""id"":1},{""id"":2}]","{""region"":""wnam"",""limits"":{""rps"":10}}"

            """.ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public async Task Keeps_the_first_records_columns_for_the_rest_of_the_output()
    {
        // Given a later record with a field the first lacks, and without one the first has
        JObject[] records =
        [
            Json.Object("""{ "id": "a", "name": "first" }"""),
            Json.Object("""{ "id": "b", "extra": "dropped" }"""),
        ];
        var output = Renderer.On(_terminal, OutputFormat.Csv);

        await output.WriteStreamAsync(records.AsStream(), [], CancellationToken.None);

        _terminal.Stdout.ShouldBe("""
            id,name
            a,first
            b,

            """.ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public async Task Writes_the_header_from_the_column_spec_for_an_empty_list()
    {
        var output = Renderer.On(_terminal, OutputFormat.Csv);

        await output.WriteListAsync([], Records.AccountColumns, CancellationToken.None);

        _terminal.Stdout.ShouldBe("id,tenant_id,integration.name,status\r\n");
    }

    [Fact]
    public async Task Takes_the_column_spec_as_header_when_the_first_record_has_no_fields()
    {
        var output = Renderer.On(_terminal, OutputFormat.Csv);

        await output.WriteListAsync([new JObject(), Json.Object("""{ "id": "a1", "status": "active" }""")], Records.AccountColumns, CancellationToken.None);

        _terminal.Stdout.ShouldBe("id,tenant_id,integration.name,status\r\n,,,\r\na1,,,active\r\n");
        _terminal.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Writes_nothing_for_an_empty_list_without_columns()
    {
        var output = Renderer.On(_terminal, OutputFormat.Csv);

        await output.WriteListAsync([], [], CancellationToken.None);

        _terminal.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reads_back_with_a_csv_reader_as_the_records_it_was_written_from()
    {
        // Given records with every kind of value, and text that needs quoting
        JObject[] records =
        [
            Records.HubSpotAccount().With(new { tenant_id = "Acme, \"West\"\r\nDivision", tags = new[] { "vip" } }),
            Records.ZendeskAccount().With(new { tenant_id = "日本語 \U0001F600 ünïcödé", tags = Array.Empty<string>() }),
            Records.HubSpotAccount().With(new { id = "", tenant_id = (string?)null, is_sandbox = (bool?)null }),
        ];
        var output = Renderer.On(_terminal, OutputFormat.Csv);

        // When they are written as csv and read back
        await output.WriteListAsync(records, Records.AccountColumns, CancellationToken.None);
        using var reader = CsvReader.FromText(_terminal.Stdout, new CsvReaderOptions { Separator = ',' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        // Then the header names the first record's fields and each row holds its record's values
        reader.Headers.ShouldBe(records[0].Properties().Select(p => p.Name).ToArray());
        rows.Count.ShouldBe(records.Length);
        for (var r = 0; r < records.Length; r++)
        {
            for (var f = 0; f < reader.Headers.Count; f++)
            {
                var value = records[r][reader.Headers[f]];
                var cell = rows[r][f];
                if (value is JObject)
                {
                    JToken.DeepEquals(Json.Parse(cell), value).ShouldBeTrue($"row {r + 1}, {reader.Headers[f]}: {cell}");
                }
                else
                {
                    cell.ShouldBe(ExpectedText(value), $"row {r + 1}, {reader.Headers[f]}");
                }
            }
        }
    }

    [Fact]
    public async Task Hands_each_streamed_page_to_the_reader_before_the_next_is_fetched()
    {
        var terminal = new BufferedTerminal();
        var output = Renderer.On(terminal, OutputFormat.Csv);
        string? seenWhileFetchingPageTwo = null;

        async IAsyncEnumerable<object> Pages()
        {
            yield return new { id = "acc_1", status = "active" };

            // (Were page one never flushed, this would wait for ever: the bound turns that into a failure.)
            await terminal.BufferedOut.NextFlush.WaitAsync(TimeSpan.FromSeconds(30));
            seenWhileFetchingPageTwo = terminal.BufferedOut.Visible;

            yield return new { id = "acc_2", status = "active" };
        }

        await output.WriteStreamAsync(Pages(), [], CancellationToken.None);

        seenWhileFetchingPageTwo.ShouldBe("id,status\r\nacc_1,active\r\n");
        terminal.BufferedOut.Visible.ShouldBe("id,status\r\nacc_1,active\r\nacc_2,active\r\n");
    }

    private static string ExpectedText(JToken? value) => value switch
    {
        null or { Type: JTokenType.Null } => "",
        JArray array => string.Join(", ", array.Select(item => (string?)item)),
        { Type: JTokenType.Boolean } => (bool)value ? "true" : "false",
        _ => (string?)value ?? "",
    };
}
