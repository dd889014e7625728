using System.Buffers;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Cli.Api;

/// <summary>
/// A list envelope (<c>{"result": [...], "next_cursor": ..., "limit": n}</c>) whose cursor and limit are known up
/// front and whose records are parsed one at a time, on enumeration, from the page's pooled bytes. Owns the
/// response it reads from; dispose it when done.
/// </summary>
internal sealed class ListPageBody : IDisposable
{
    private static readonly JsonReaderOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly HttpResponseMessage? _response;
    private readonly string? _recordsProperty;
    private readonly IReadOnlyList<JObject>? _parsed;

    private ListPageBody(HttpResponseMessage? response, string? recordsProperty, IReadOnlyList<JObject>? parsed, string? nextCursor, int? limit)
    {
        _response = response;
        _recordsProperty = recordsProperty;
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
        return new ListPageBody(null, null, records?.OfType<JObject>().ToArray(), cursor, applied);
    }

    /// <summary>
    /// Checks the whole body is one well-formed JSON object (System.Text.Json's reader does this at memory speed,
    /// without building anything) and reads its cursor and limit; null when it is not, so the caller can fall back
    /// to a full parse and its error messages. On success the page owns <paramref name="response"/>.
    /// </summary>
    public static ListPageBody? TryScan(HttpResponseMessage response, PooledContent body)
    {
        try
        {
            var reader = new Utf8JsonReader(body.AsSequence(), Lenient);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? cursor = null;
            int? limit = null;
            bool result = false, results = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "result":
                        result = true;
                        break;
                    case "results":
                        results = true;
                        break;
                    case "next_cursor" when reader.TokenType == JsonTokenType.String:
                        cursor = reader.GetString() is { Length: > 0 } value ? value : null;
                        break;
                    case "next_cursor":
                        cursor = null;
                        break;
                    case "limit":
                        limit = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) ? n : null;
                        break;
                }

                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }

            return new ListPageBody(response, result ? "result" : results ? "results" : null, null, cursor, limit);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The page's records, each parsed as it is reached; values that are not objects are skipped.</summary>
    public IEnumerable<JObject> Records()
    {
        if (_parsed is not null)
        {
            foreach (var record in _parsed)
            {
                yield return record;
            }

            yield break;
        }

        if (_response is null || _recordsProperty is null)
        {
            yield break;
        }

        using var text = new StreamReader(_response.Content.ReadAsStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        reader.Read(); // the envelope's StartObject: the scan checked the shape
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
            if (name != _recordsProperty || reader.TokenType != JsonToken.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonToken.EndArray)
            {
                if (reader.TokenType == JsonToken.StartObject)
                {
                    yield return JObject.Load(reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            yield break;
        }
    }

    /// <summary>
    /// The page's records as the API sent them, for streamed output: each is valid until the next is asked for.
    /// Values that are not objects are skipped, as in <see cref="Records"/>.
    /// </summary>
    public IEnumerable<object> RawRecords()
    {
        if (_response?.Content is not PooledContent pooled || _recordsProperty is null)
        {
            foreach (var record in Records())
            {
                yield return record;
            }

            yield break;
        }

        var body = pooled.AsSequence();
        var raw = new RawJsonObject();
        var cursor = new RawCursor(new JsonReaderState(Lenient), body.Start, InArray: false);
        while (NextRaw(body, _recordsProperty, ref cursor) is { } record)
        {
            yield return raw.Reset(record);
        }
    }

    public void Dispose() => _response?.Dispose();

    /// <summary>Finds the next object in the records array after <paramref name="cursor"/>; a reader cannot live across a yield.</summary>
    private static ReadOnlySequence<byte>? NextRaw(ReadOnlySequence<byte> body, string property, ref RawCursor cursor)
    {
        var reader = new Utf8JsonReader(body.Slice(cursor.Position), isFinalBlock: true, cursor.State);
        var offset = body.Slice(body.Start, cursor.Position).Length;
        if (!cursor.InArray)
        {
            reader.Read(); // the envelope's StartObject: the scan checked the shape
            while (true)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
                {
                    return null;
                }

                var wanted = reader.ValueTextEquals(property);
                reader.Read();
                if (wanted && reader.TokenType == JsonTokenType.StartArray)
                {
                    break;
                }

                reader.Skip();
            }
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var start = reader.TokenStartIndex;
            reader.Skip();
            var end = reader.BytesConsumed;
            cursor = new RawCursor(reader.CurrentState, reader.Position, InArray: true);
            return body.Slice(offset + start, end - start);
        }

        return null;
    }

    private readonly record struct RawCursor(JsonReaderState State, SequencePosition Position, bool InArray);
}
