using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>Which slice of a list a request asks for: <c>limit</c> rows from <c>Offset</c>.</summary>
internal sealed record PageRequest(int Limit, int Offset);

/// <summary>
/// Admin-list paging, shared by every list route: reads <c>limit</c> and <c>next_cursor</c>, and builds the
/// <c>{"result", "next_cursor", "limit"}</c> envelope.
/// </summary>
/// <remarks>
/// The cursor is opaque to clients; here it is base64url of <c>{"offset":N}</c>, the shape the reference suggests.
/// <c>limit</c> defaults to 5000 (the documented default for <c>/api-token</c>); a larger value is clamped to 5000
/// and the envelope echoes the limit actually used. A non-numeric or non-positive limit, or a cursor that does not
/// decode, is a 400. An empty <c>next_cursor=</c> means the first page.
/// </remarks>
internal static class Pagination
{
    public const int DefaultLimit = 5000;
    public const int MaxLimit = 5000;

    public static PageRequest Read(IQueryCollection query)
    {
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitValue))
        {
            if (!long.TryParse(limitValue.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                throw ApiException.BadRequest($"limit must be a whole number from 1 to {MaxLimit}, got '{limitValue}'");
            }

            limit = (int)Math.Min(parsed, MaxLimit);
        }

        var cursor = query["next_cursor"].ToString();
        var offset = cursor.Length == 0 ? 0 : DecodeCursor(cursor);
        return new PageRequest(limit, offset);
    }

    /// <summary>The envelope for one page of <paramref name="ordered"/>, which must be in a stable order.</summary>
    public static JsonResponse Page(IReadOnlyList<JToken> ordered, PageRequest page)
    {
        var rows = ordered.Skip(page.Offset).Take(page.Limit).ToList();
        return Page(rows, row => Encoding.UTF8.GetBytes(row.ToString(Formatting.None)), page.Offset + rows.Count < ordered.Count, page);
    }

    /// <summary>
    /// The envelope for <paramref name="rows"/>, a page already cut at <paramref name="page"/> (<paramref name="more"/>
    /// when rows follow it), each row's UTF-8 JSON given by <paramref name="utf8Json"/> (a row may keep its own, as
    /// API tokens do): the page is byte for byte what Newtonsoft writes for the same rows.
    /// </summary>
    public static JsonResponse Page<T>(IReadOnlyList<T> rows, Func<T, ReadOnlyMemory<byte>> utf8Json, bool more, PageRequest page) => new(body =>
    {
        body.Write("{\"result\":["u8);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(utf8Json(rows[i]).Span);
        }

        var cursor = more ? $"\"{EncodeCursor(page.Offset + rows.Count)}\"" : "null"; // base64url: nothing to escape
        body.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"],\"next_cursor\":{cursor},\"limit\":{page.Limit}}}")));
    });

    public static string EncodeCursor(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JObject { ["offset"] = offset }.ToString(Formatting.None)));

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var json = JObject.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)));
            if (json["offset"] is { Type: JTokenType.Integer } offset && (long)offset is >= 0 and <= int.MaxValue)
            {
                return (int)offset;
            }
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
        }

        throw ApiException.BadRequest($"next_cursor '{cursor}' is not a cursor this API returned");
    }
}
