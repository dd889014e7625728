using System.Buffers.Text;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Truto.Cli.Api;

/// <summary>
/// A list envelope (<c>{"result": [...], "next_cursor": ..., "limit": n}</c>) whose cursor and limit are known up
/// front and whose records are parsed one at a time, on enumeration, from the page's pooled bytes. Owns the
/// response it reads from; dispose it when done.
/// </summary>
internal sealed class ListPageBody : IDisposable
{
    /// <summary>An envelope has three members; one with more than this many takes the full parse.</summary>
    private const int EnvelopeMembers = 16;

    private readonly HttpResponseMessage? _response;
    private readonly PooledContent? _body;
    private readonly int? _recordsArray;
    private readonly IReadOnlyList<JObject> _parsed;

    private ListPageBody(HttpResponseMessage? response, PooledContent? body, int? recordsArray, IReadOnlyList<JObject> parsed, string? nextCursor, int? limit)
    {
        _response = response;
        _body = body;
        _recordsArray = recordsArray;
        _parsed = parsed;
        NextCursor = nextCursor;
        Limit = limit;
    }

    /// <summary>The cursor of the next page; null on the last.</summary>
    public string? NextCursor { get; }

    /// <summary>The page size the API applied, when it says.</summary>
    public int? Limit { get; }

    /// <summary>A page from an envelope already parsed whole.</summary>
    public static ListPageBody FromEnvelope(JObject envelope)
    {
        // `result` is canonical; some documented examples say `results`.
        var records = (envelope["result"] ?? envelope["results"]) as JArray;
        var cursor = envelope["next_cursor"] is JValue { Type: JTokenType.String } c && !string.IsNullOrEmpty((string?)c) ? (string?)c : null;
        var applied = envelope["limit"] is JValue { Type: JTokenType.Integer } l ? (int?)l : null;
        return new ListPageBody(null, null, null, records?.OfType<JObject>().ToArray() ?? [], cursor, applied);
    }

    /// <summary>
    /// Checks the whole body is one well-formed, strict JSON object (<see cref="StrictJson"/>) and reads its cursor,
    /// limit and where its records array starts, in one pass; null when it is not (comments, trailing commas, a name
    /// or cursor with escapes, more than <see cref="EnvelopeMembers"/> members included), so the caller falls back to
    /// a full parse and its error messages. On success the page owns <paramref name="response"/>.
    /// </summary>
    public static ListPageBody? TryScan(HttpResponseMessage response, PooledContent body)
    {
        var json = body.Bytes.Span;
        Span<Range> names = stackalloc Range[EnvelopeMembers];
        Span<Range> values = stackalloc Range[EnvelopeMembers];
        if (!StrictJson.IsWellFormedObject(json, names, values, out var members) || members > EnvelopeMembers)
        {
            return null;
        }

        string? cursor = null;
        int? limit = null;
        var result = false;
        int? resultArray = null, resultsArray = null;
        for (var member = 0; member < members; member++)
        {
            var name = json[names[member]];
            var value = json[values[member]];
            if (name.Contains((byte)'\\'))
            {
                return null; // an escaped name: the full parse reads it
            }

            if (name.SequenceEqual("result"u8))
            {
                result = true;
                resultArray ??= value[0] == (byte)'[' ? values[member].Start.Value : null;
            }
            else if (name.SequenceEqual("results"u8))
            {
                resultsArray ??= value[0] == (byte)'[' ? values[member].Start.Value : null;
            }
            else if (name.SequenceEqual("next_cursor"u8))
            {
                if (value[0] == (byte)'"' && value.Contains((byte)'\\'))
                {
                    return null; // an escaped cursor: the full parse unescapes it
                }

                cursor = value[0] == (byte)'"' && value.Length > 2 ? Encoding.UTF8.GetString(value[1..^1]) : null;
            }
            else if (name.SequenceEqual("limit"u8))
            {
                // As System.Text.Json's TryGetInt32: a whole number in range, written without fraction or exponent.
                limit = Utf8Parser.TryParse(value, out int n, out var used) && used == value.Length ? n : null;
            }
        }

        // `result` wins over `results`, as in a whole parse, even when only the latter holds an array.
        return new ListPageBody(response, body, result ? resultArray : resultsArray, [], cursor, limit);
    }

    /// <summary>The page's records, each parsed as it is reached; values that are not objects are skipped.</summary>
    public IEnumerable<JObject> Records() =>
        _body is null ? _parsed : RawRecords().Select(record => ((RawJsonObject)record).ToJObject());

    /// <summary>
    /// The page's records as the API sent them, for streamed output: each is valid until the next is asked for.
    /// Values that are not objects are skipped, as in <see cref="Records"/>.
    /// </summary>
    public IEnumerable<object> RawRecords()
    {
        if (_body is null)
        {
            foreach (var record in _parsed)
            {
                yield return record;
            }

            yield break;
        }

        if (_recordsArray is not { } array)
        {
            yield break;
        }

        var raw = new RawJsonObject();
        var position = array + 1;
        while (RecordScanner.NextObject(_body.Bytes.Span, ref position, out var record, out var verbatim))
        {
            yield return raw.Reset(_body.Bytes[record], verbatim);
        }
    }

    public void Dispose() => _response?.Dispose();
}
