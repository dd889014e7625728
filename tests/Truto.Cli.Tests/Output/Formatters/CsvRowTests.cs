using System.Text;
using Truto.Cli.Api;
using Truto.Cli.Output.Formatters;

namespace Truto.Cli.Tests.Output.Formatters;

/// <summary>
/// The CSV row written straight from a record's bytes covers only compact, flat records with the header's fields in
/// order; anything else is refused, so the general path (checked against it by the property
/// tests in ListPageBodyProperties) writes it instead.
/// </summary>
public sealed class CsvRowTests
{
    private static readonly byte[][] Header = new[] { "id", "name", "n", "ok", "gone" }.Select(Encoding.UTF8.GetBytes).ToArray();

    [Fact]
    public void A_flat_compact_record_becomes_its_cells_quoting_only_those_with_the_separator()
    {
        var (formatted, text) = Format("""{"id":"a1","name":"Acme, Inc. 日本","n":-12.50,"ok":true,"gone":null}""");

        formatted.ShouldBeTrue();
        text.ShouldBe("a1,\"Acme, Inc. 日本\",-12.50,true,\r\n");
    }

    [Fact]
    public void A_row_of_one_empty_cell_is_quoted_as_csvhelper_quotes_it_so_it_is_not_a_blank_line()
    {
        var record = new RawJsonObject().Reset(Encoding.UTF8.GetBytes("""{"id":null}"""));
        var row = Array.Empty<char>();

        CsvRow.TryFormat(record, [Encoding.UTF8.GetBytes("id")], ref row, out var length).ShouldBeTrue();

        new string(row, 0, length).ShouldBe("\"\"\r\n");
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
    public void Anything_else_is_refused(string json)
    {
        Format(json).Formatted.ShouldBeFalse();
    }

    private static (bool Formatted, string Text) Format(string json)
    {
        var record = new RawJsonObject().Reset(Encoding.UTF8.GetBytes(json));
        var row = new char[4];
        var formatted = CsvRow.TryFormat(record, Header, ref row, out var length);
        return (formatted, new string(row, 0, length));
    }
}
