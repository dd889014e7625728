using System.Runtime.InteropServices;
using System.Text;
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
