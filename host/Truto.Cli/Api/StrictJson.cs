using System.Numerics;
using System.Runtime.Intrinsics;

namespace Truto.Cli.Api;

/// <summary>
/// Whether bytes are exactly one well-formed JSON value (RFC 8259: no comments, no trailing commas, at most
/// <see cref="MaxDepth"/> levels deep, as System.Text.Json's reader accepts by default), checked by plain loops in
/// this assembly's precompiled code. A list page is checked whole before any of its records is written; with the
/// framework's reader that check cost ~78 ms of CPU per 100,000 records, as its vectorised search runs unoptimised
/// on AVX-512 machines until tiering catches up, which a one-second run never sees.
/// </summary>
internal static class StrictJson
{
    public const int MaxDepth = 64;

    public static bool IsWellFormed(ReadOnlySpan<byte> json)
    {
        var end = Value(json, SkipWhitespace(json, 0), depth: 0);
        return end >= 0 && SkipWhitespace(json, end) == json.Length;
    }

    /// <summary>
    /// Whether the bytes are exactly one well-formed JSON object. Its members' names (between their quotes) and values
    /// go into <paramref name="names"/> and <paramref name="values"/>, as many as fit, and <paramref name="count"/>
    /// says how many it has: a list page's envelope is read from them without walking its records a second time.
    /// </summary>
    public static bool IsWellFormedObject(ReadOnlySpan<byte> json, Span<Range> names, Span<Range> values, out int count)
    {
        count = 0;
        var open = SkipWhitespace(json, 0);
        if (open >= json.Length || json[open] != (byte)'{')
        {
            return false;
        }

        var end = Object(json, open, depth: 1, names, values, ref count);
        return end >= 0 && SkipWhitespace(json, end) == json.Length;
    }

    public static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }

    /// <summary>The index just past the value at <paramref name="i"/>, or -1 when there is no well-formed one.</summary>
    private static int Value(ReadOnlySpan<byte> json, int i, int depth)
    {
        if (i >= json.Length)
        {
            return -1;
        }

        var members = 0;
        return json[i] switch
        {
            (byte)'{' => Object(json, i, depth + 1, default, default, ref members),
            (byte)'[' => Array(json, i, depth + 1),
            (byte)'"' => String(json, i),
            (byte)'t' => Literal(json, i, "true"u8),
            (byte)'f' => Literal(json, i, "false"u8),
            (byte)'n' => Literal(json, i, "null"u8),
            _ => Number(json, i),
        };
    }

    private static int Object(ReadOnlySpan<byte> json, int i, int depth, Span<Range> names, Span<Range> values, ref int count)
    {
        if (depth > MaxDepth)
        {
            return -1;
        }

        i = SkipWhitespace(json, i + 1);
        if (i < json.Length && json[i] == (byte)'}')
        {
            return i + 1;
        }

        while (true)
        {
            var name = i;
            if (i >= json.Length || json[i] != (byte)'"' || (i = String(json, i)) < 0)
            {
                return -1;
            }

            var nameEnd = i;
            i = SkipWhitespace(json, i);
            if (i >= json.Length || json[i] != (byte)':')
            {
                return -1;
            }

            var value = SkipWhitespace(json, i + 1);
            i = Value(json, value, depth);
            if (i < 0)
            {
                return -1;
            }

            if (count < names.Length)
            {
                names[count] = (name + 1)..(nameEnd - 1);
                values[count] = value..i;
            }

            count++;
            if ((i = SkipWhitespace(json, i)) >= json.Length)
            {
                return -1;
            }

            if (json[i] == (byte)'}')
            {
                return i + 1;
            }

            if (json[i] != (byte)',')
            {
                return -1;
            }

            i = SkipWhitespace(json, i + 1);
        }
    }

    private static int Array(ReadOnlySpan<byte> json, int i, int depth)
    {
        if (depth > MaxDepth)
        {
            return -1;
        }

        i = SkipWhitespace(json, i + 1);
        if (i < json.Length && json[i] == (byte)']')
        {
            return i + 1;
        }

        while (true)
        {
            i = Value(json, i, depth);
            if (i < 0 || (i = SkipWhitespace(json, i)) >= json.Length)
            {
                return -1;
            }

            if (json[i] == (byte)']')
            {
                return i + 1;
            }

            if (json[i] != (byte)',')
            {
                return -1;
            }

            i = SkipWhitespace(json, i + 1);
        }
    }

    private static int String(ReadOnlySpan<byte> json, int quote)
    {
        var i = quote + 1;
        while ((i = SkipPlainStringBytes(json, i, stopAtNonAscii: false)) < json.Length)
        {
            var b = json[i];
            if (b == (byte)'"')
            {
                return i + 1;
            }

            if (b < 0x20 || ++i >= json.Length)
            {
                return -1; // control characters must be escaped
            }

            switch (json[i])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i++;
                    break;
                case (byte)'u' when i + 4 < json.Length && IsHex(json[i + 1]) && IsHex(json[i + 2]) && IsHex(json[i + 3]) && IsHex(json[i + 4]):
                    i += 5;
                    break;
                default:
                    return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The index of the first quote, backslash or control character from <paramref name="i"/> (and, when asked, the
    /// first byte of a non-ASCII character), or the end: sixteen bytes at a time, as strings are most of a page.
    /// </summary>
    public static int SkipPlainStringBytes(ReadOnlySpan<byte> json, int i, bool stopAtNonAscii)
    {
        var quote = Vector128.Create((byte)'"');
        var backslash = Vector128.Create((byte)'\\');
        var space = Vector128.Create((byte)' ');
        var nonAscii = Vector128.Create((byte)0x80);
        while (i <= json.Length - Vector128<byte>.Count)
        {
            var bytes = Vector128.Create(json.Slice(i, Vector128<byte>.Count));
            var stops = Vector128.Equals(bytes, quote) | Vector128.Equals(bytes, backslash) | Vector128.LessThan(bytes, space);
            if (stopAtNonAscii)
            {
                stops |= Vector128.GreaterThanOrEqual(bytes, nonAscii);
            }

            var mask = stops.ExtractMostSignificantBits();
            if (mask != 0)
            {
                return i + BitOperations.TrailingZeroCount(mask);
            }

            i += Vector128<byte>.Count;
        }

        var limit = stopAtNonAscii ? 0x80 : 0x100;
        while (i < json.Length && json[i] is not ((byte)'"' or (byte)'\\') && json[i] >= 0x20 && json[i] < limit)
        {
            i++;
        }

        return i;
    }

    /// <summary><c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c></summary>
    private static int Number(ReadOnlySpan<byte> json, int i)
    {
        if (i < json.Length && json[i] == (byte)'-')
        {
            i++;
        }

        if (i >= json.Length || !IsDigit(json[i]))
        {
            return -1;
        }

        i = json[i] == (byte)'0' ? i + 1 : Digits(json, i);
        if (i < json.Length && json[i] == (byte)'.')
        {
            if (++i >= json.Length || !IsDigit(json[i]))
            {
                return -1;
            }

            i = Digits(json, i);
        }

        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            if (++i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (i >= json.Length || !IsDigit(json[i]))
            {
                return -1;
            }

            i = Digits(json, i);
        }

        return i;
    }

    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && IsDigit(json[i]))
        {
            i++;
        }

        return i;
    }

    private static int Literal(ReadOnlySpan<byte> json, int i, ReadOnlySpan<byte> literal) =>
        json[i..].StartsWith(literal) ? i + literal.Length : -1;

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
