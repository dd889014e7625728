using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Cli.Api;

/// <summary>
/// One record of a list page as the API sent it: its UTF-8 bytes, valid until the listing moves to the next record.
/// When those bytes are already what Newtonsoft would write for the parsed object (compact, no escapes, plain
/// numbers), ndjson copies them as they are instead of building and re-serializing a JObject, which was most of the
/// cost of listing 100,000 records.
/// </summary>
internal sealed class RawJsonObject
{
    private ReadOnlyMemory<byte> _utf8;

    /// <summary>True when writing the bytes as they are gives exactly the compact JSON of the parsed object.</summary>
    public bool IsVerbatim { get; private set; }

    /// <summary>The record's bytes, valid until the listing moves on.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8.Span;

    /// <summary>Points this instance at the next record (one instance serves a whole page), already scanned.</summary>
    public RawJsonObject Reset(ReadOnlyMemory<byte> utf8, bool verbatim)
    {
        _utf8 = utf8;
        IsVerbatim = verbatim;
        return this;
    }

    /// <summary>Points this instance at a well-formed object, scanning it.</summary>
    public RawJsonObject Reset(ReadOnlyMemory<byte> utf8) => Reset(utf8, RecordScanner.IsVerbatim(utf8.Span));

    /// <summary>Writes the record's JSON text to <paramref name="output"/>; only when <see cref="IsVerbatim"/>.</summary>
    public void WriteTo(TextWriter output, ref char[] chars)
    {
        if (chars.Length < _utf8.Length)
        {
            chars = new char[Math.Max(_utf8.Length, chars.Length * 2)];
        }

        var count = Encoding.UTF8.GetChars(_utf8.Span, chars);
        output.Write(chars, 0, count);
    }

    /// <summary>
    /// For CSV: the record's field names and cell texts, in order, when every value is a scalar whose text is what
    /// <see cref="Output.RecordValues.CellText"/> would give (strings unescaped, plain numbers as written, true/false,
    /// null as empty); false for anything else (nested values, exponents, repeated names), which takes the parsed
    /// path. Names equal to <paramref name="known"/>'s are reused rather than allocated per record.
    /// </summary>
    public bool TryReadFlat(List<string> names, List<string> cells, IReadOnlyList<string>? known)
    {
        names.Clear();
        cells.Clear();
        var reader = new Utf8JsonReader(_utf8.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = names.Count;
            var name = known is not null && at < known.Count && reader.ValueTextEquals(known[at]) ? known[at] : reader.GetString()!;
            if (names.Contains(name))
            {
                return false;
            }

            reader.Read();
            string cell;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    cell = reader.GetString()!;
                    break;
                case JsonTokenType.Number when IsPlainNumber(reader.ValueSpan):
                    cell = Encoding.UTF8.GetString(reader.ValueSpan);
                    break;
                case JsonTokenType.True:
                    cell = "true";
                    break;
                case JsonTokenType.False:
                    cell = "false";
                    break;
                case JsonTokenType.Null:
                    cell = "";
                    break;
                default:
                    return false;
            }

            names.Add(name);
            cells.Add(cell);
        }

        return true;
    }

    /// <summary>Digits as Newtonsoft would print them back: no exponent, no negative zero, no more than 15 digits.</summary>
    public static bool IsPlainNumber(ReadOnlySpan<byte> number) =>
        number.Length <= 16 && number.IndexOfAny((byte)'e', (byte)'E') < 0 && !number.StartsWith("-0"u8);

    /// <summary>The record parsed as every other record is (strings stay strings, non-integers are decimal).</summary>
    public JObject ToJObject()
    {
        // The bytes in place (a page's pooled array), not a copy.
        var bytes = MemoryMarshal.TryGetArray(_utf8, out var segment) ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false) : new MemoryStream(_utf8.ToArray());
        using var text = new StreamReader(bytes, Encoding.UTF8);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JObject.Load(reader);
    }
}
