using System.Text;
using Truto.Cli.Api;
using Truto.Cli.Output.Formatters;

namespace Truto.Cli.Tests.Output.Formatters;

/// <summary>
/// The CSV row written straight from a record's bytes covers only compact, flat records with the header's fields in
/// order; anything else is refused with nothing written, so the general path (checked against it by the property
/// tests in ListPageBodyProperties) writes it instead.
/// </summary>
public sealed class CsvRowTests
{
    private static readonly byte[][] Header = new[] { "id", "name", "n", "ok", "gone" }.Select(Encoding.UTF8.GetBytes).ToArray();

    [Fact]
    public void A_flat_compact_record_becomes_its_cells_quoting_only_those_with_the_separator()
    {
        var (written, text) = Write("""{"id":"a1","name":"Acme, Inc. 日本","n":-12.50,"ok":true,"gone":null}""");

        written.ShouldBeTrue();
        text.ShouldBe("a1,\"Acme, Inc. 日本\",-12.50,true,\r\n");
    }

    [Fact]
    public void A_row_of_one_empty_cell_is_quoted_as_csvhelper_quotes_it_so_it_is_not_a_blank_line()
    {
        var record = new RawJsonObject().Reset(Encoding.UTF8.GetBytes("""{"id":null}"""));
        var output = new StringWriter();
        var row = Array.Empty<char>();

        CsvRow.TryWriteVerbatim(record, [Encoding.UTF8.GetBytes("id")], output, ref row).ShouldBeTrue();

        output.ToString().ShouldBe("\"\"\r\n");
    }

    [Theory]
    [InlineData("""{"id":"a1","name":"x","n":1,"ok":true}""")] // a field short
    [InlineData("""{"id":"a1","name":"x","n":1,"ok":true,"gone":null,"extra":1}""")] // a field over
    [InlineData("""{"name":"x","id":"a1","n":1,"ok":true,"gone":null}""")] // another order
    [InlineData("""{"id":"a1","name":{"first":"x"},"n":1,"ok":true,"gone":null}""")] // nested object
    [InlineData("""{"id":"a1","name":["x"],"n":1,"ok":true,"gone":null}""")] // array
    [InlineData("""{"id":"a1","name":"x","n":12345678901234567,"ok":true,"gone":null}""")] // more digits than a decimal prints back
    [InlineData("""{"id":"a1","name":"x","n":-0.5,"ok":true,"gone":null}""")] // negative zero's prefix
    [InlineData("""{"id":"a1","name":"x","n":1,"ok":true, "gone":null}""")] // whitespace: not verbatim
    [InlineData("""{"id":"a1","name":"say \"hi\"","n":1,"ok":true,"gone":null}""")] // an escape: not verbatim
    [InlineData("""{"idx":"a1","name":"x","n":1,"ok":true,"gone":null}""")] // a name the header's is a prefix of
    public void Anything_else_is_refused_with_nothing_written(string json)
    {
        var (written, text) = Write(json);

        written.ShouldBeFalse();
        text.ShouldBeEmpty();
    }

    private static (bool Written, string Text) Write(string json)
    {
        var record = new RawJsonObject().Reset(Encoding.UTF8.GetBytes(json));
        var output = new StringWriter();
        var row = new char[4];
        var written = CsvRow.TryWriteVerbatim(record, Header, output, ref row);
        return (written, output.ToString());
    }
}
