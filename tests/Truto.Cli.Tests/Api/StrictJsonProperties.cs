using System.Text;
using System.Text.Json;
using CsCheck;
using Truto.Cli.Api;

namespace Truto.Cli.Tests.Api;

/// <summary>
/// The host's own well-formedness check accepts exactly what System.Text.Json's reader accepts with its default,
/// strict options: checked on generated JSON, on that JSON damaged at random, and on nesting around the depth limit.
/// </summary>
public sealed class StrictJsonProperties
{
    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.OneOf<string>("0", "-0", "12", "-3.25", "1e5", "1E+2", "2.5e-3", "true", "false", "null", "\"\"", "\"a b\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u00e9\\uD83D\\uDE00\"", "\"日本 é\"", "\"a,b]}\""),
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1"));

    // Strings long enough to be checked sixteen bytes at a time, with escapes and non-ASCII at any offset.
    private static readonly Gen<string> LongString = Gen.OneOf<string>("a", "Z", " ", ",", "é", "日", "\U0001F600", "\\n", "\\\"", "\\u0041", "\\/")
        .Array[10, 60]
        .Select(parts => "\"" + string.Concat(parts) + "\"");

    private static readonly Gen<string> Whitespace = Gen.OneOf<string>("", "", "", " ", "\n", "\r\n\t ");

    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, value) => depth >= 4
        ? Gen.OneOf(Scalar, LongString)
        : Gen.Frequency(
            (2, Scalar),
            (1, LongString),
            (1, Gen.Select(value.Array[0, 4], Whitespace).Select((items, ws) => "[" + ws + string.Join("," + ws, items) + "]")),
            (1, Gen.Select(Gen.Select(Gen.OneOf(Scalar.Where(s => s.StartsWith('"')), LongString), value).Array[0, 4], Whitespace)
                .Select((members, ws) => "{" + ws + string.Join("," + ws, members.Select(m => m.Item1 + ws + ":" + m.Item2)) + "}"))));


    // Damage of the kinds a truncated, garbled or hand-edited body has.
    private static readonly Gen<string> Damaged = Gen.Select(Json, Gen.Int[0, 1000], Gen.Int[0, 8],
            Gen.OneOf<string>("", ",", "]", "}", "{", "[", "\"", "\\", ":", "-", ".", "e", "x", "01", "/* c */", "\u0001", "tru", "\uFEFF"))
        .Select((json, at, action, text) =>
        {
            var i = json.Length == 0 ? 0 : at % (json.Length + 1);
            return action switch
            {
                0 => json[..i],
                1 => json[..i] + json[Math.Min(i + 1, json.Length)..],
                2 => json.Insert(i, text),
                3 => json + text,
                4 => text + json,
                _ => json.Insert(i, text)[..Math.Max(0, json.Length - 1)],
            };
        });

    [Fact]
    public void Generated_json_is_well_formed_to_both()
    {
        Json.Sample(json => StrictJson.IsWellFormed(Encoding.UTF8.GetBytes(json)).ShouldBe(ReaderAccepts(json), json), iter: 2000);
    }

    [Fact]
    public void Damaged_json_gets_the_same_verdict_from_both()
    {
        Damaged.Sample(json => StrictJson.IsWellFormed(Encoding.UTF8.GetBytes(json)).ShouldBe(ReaderAccepts(json), json), iter: 5000);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    public void Nesting_is_allowed_as_deep_as_the_reader_allows(int depth)
    {
        var arrays = new string('[', depth) + new string(']', depth);
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

        StrictJson.IsWellFormed(Encoding.UTF8.GetBytes(arrays)).ShouldBe(ReaderAccepts(arrays));
        StrictJson.IsWellFormed(Encoding.UTF8.GetBytes(objects)).ShouldBe(ReaderAccepts(objects));
        StrictJson.IsWellFormed(Encoding.UTF8.GetBytes(arrays)).ShouldBe(depth <= StrictJson.MaxDepth);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{} {}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("// c\n{}")]
    [InlineData("{'a':1}")]
    [InlineData("[01]")]
    [InlineData("[1.]")]
    [InlineData("[.5]")]
    [InlineData("[+1]")]
    [InlineData("[\"\\x\"]")]
    [InlineData("[\"\\u12G4\"]")]
    [InlineData("[NaN]")]
    public void Json_that_is_not_strict_is_refused(string json)
    {
        StrictJson.IsWellFormed(Encoding.UTF8.GetBytes(json)).ShouldBeFalse();
        ReaderAccepts(json).ShouldBeFalse();
    }

    [Fact]
    public void A_well_formed_object_hands_over_its_own_members_not_nested_ones()
    {
        var json = Encoding.UTF8.GetBytes("""{ "result" : [{"id":"a"}], "next_cursor":"c\"1" ,"n":{"deep":1}} """);
        var names = new Range[4];
        var values = new Range[4];

        StrictJson.IsWellFormedObject(json, names, values, out var count).ShouldBeTrue();

        count.ShouldBe(3);
        names.Take(count).Select(r => Encoding.UTF8.GetString(json[r])).ShouldBe(["result", "next_cursor", "n"]);
        values.Take(count).Select(r => Encoding.UTF8.GetString(json[r])).ShouldBe(["""[{"id":"a"}]""", "\"c\\\"1\"", """{"deep":1}"""]);
    }

    [Fact]
    public void Members_beyond_the_room_given_are_counted_not_kept()
    {
        var json = Encoding.UTF8.GetBytes("""{"a":1,"b":2,"c":3}""");
        var names = new Range[1];
        var values = new Range[1];

        StrictJson.IsWellFormedObject(json, names, values, out var count).ShouldBeTrue();

        count.ShouldBe(3);
        Encoding.UTF8.GetString(json[names[0]]).ShouldBe("a");
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"x\"")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1} x")]
    public void Anything_but_one_well_formed_object_is_refused_as_an_object(string json)
    {
        StrictJson.IsWellFormedObject(Encoding.UTF8.GetBytes(json), new Range[4], new Range[4], out _).ShouldBeFalse();
    }

    private static bool ReaderAccepts(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0 && reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.None;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
