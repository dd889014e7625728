using System.Buffers;
using System.Text;

namespace Truto.Cli.Api;

/// <summary>
/// Walks the records array of a list page already checked to be well-formed (<see cref="StrictJson"/>), so it only
/// has to track strings and nesting, saying of each record whether its bytes are already what Newtonsoft would write
/// for it (<see cref="RawJsonObject.IsVerbatim"/>). Tokenizing every record again with System.Text.Json's reader
/// cost a 100,000-record listing about 140 ms of CPU.
/// </summary>
internal static class RecordScanner
{
    /// <summary>
    /// The next object in the array from <paramref name="position"/> (just after its <c>[</c>, or after the previous
    /// value), skipping values that are not objects; false at the array's end, where <paramref name="position"/> stays.
    /// </summary>
    public static bool NextObject(ReadOnlySpan<byte> json, ref int position, out Range record, out bool verbatim)
    {
        while (true)
        {
            var start = position;
            while (json[start] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',')
            {
                start++;
            }

            if (json[start] == (byte)']')
            {
                position = start;
                (record, verbatim) = (default, false);
                return false;
            }

            position = EndOfValue(json, start, out verbatim);
            if (json[start] == (byte)'{')
            {
                record = start..position;
                return true;
            }
        }
    }

    /// <summary>Whether a well-formed object's bytes are what Newtonsoft would write for it (see <see cref="EndOfValue"/>).</summary>
    public static bool IsVerbatim(ReadOnlySpan<byte> json)
    {
        EndOfValue(json, 0, out var verbatim);
        return verbatim;
    }

    /// <summary>
    /// The index just past the value at <paramref name="start"/>, and whether its bytes are exactly Newtonsoft's
    /// compact JSON of it, conservatively: no escapes (nothing to normalise), no whitespace, no number Newtonsoft
    /// would print differently (exponents, negative zero, more digits than a decimal keeps), and none of the three
    /// characters Newtonsoft escapes by default (U+0085, U+2028, U+2029).
    /// </summary>
    private static int EndOfValue(ReadOnlySpan<byte> json, int start, out bool verbatim)
    {
        verbatim = true;
        var depth = 0;
        var digits = 0;
        var previous = (byte)0;
        var i = start;
        while (true)
        {
            var b = json[i];
            switch (b)
            {
                case (byte)'"':
                    i = EndOfString(json, i, ref verbatim);
                    if (depth == 0)
                    {
                        return i;
                    }

                    previous = b;
                    digits = 0;
                    continue;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth <= 0)
                    {
                        // The end of this container, or of the array holding this number or literal.
                        return depth == 0 ? i + 1 : i;
                    }

                    break;
                case (byte)',' when depth == 0:
                    return i; // the end of a number or literal
                case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' when depth == 0:
                    return i;
                case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'E':
                    verbatim = false;
                    break;
                case (byte)'e' when previous is >= (byte)'0' and <= (byte)'9' or (byte)'.':
                    verbatim = false;
                    break;
                case (byte)'0' when previous == (byte)'-':
                    verbatim = false;
                    break;
            }

            digits = b is >= (byte)'0' and <= (byte)'9' ? digits + 1 : 0;
            verbatim &= digits <= 15;
            previous = b;
            i++;
        }
    }

    /// <summary>
    /// Past the string at <paramref name="quote"/>, clearing <paramref name="verbatim"/> for an escape, a character
    /// Newtonsoft escapes, or bytes that are not UTF-8 (a decoder makes them U+FFFD, so the bytes are not the text).
    /// </summary>
    private static int EndOfString(ReadOnlySpan<byte> json, int quote, ref bool verbatim)
    {
        var i = quote + 1;
        while (true)
        {
            i = StrictJson.SkipPlainStringBytes(json, i, stopAtNonAscii: true);
            switch (json[i])
            {
                case (byte)'"':
                    return i + 1;
                case (byte)'\\':
                    verbatim = false;
                    i += 2;
                    break;
                default:
                    if (Rune.DecodeFromUtf8(json[i..], out var character, out var length) == OperationStatus.Done
                        && character.Value is not (0x85 or 0x2028 or 0x2029))
                    {
                        i += length;
                    }
                    else
                    {
                        // One byte on: a quote is never part of a multi-byte sequence, valid or not.
                        verbatim = false;
                        i++;
                    }

                    break;
            }
        }
    }
}
