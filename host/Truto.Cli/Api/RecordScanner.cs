namespace Truto.Cli.Api;

/// <summary>
/// Walks a list page already checked to be well-formed (<see cref="StrictJson"/>), so it only has to track strings
/// and nesting: the envelope's members, then the records array one object at a time, saying of each whether its
/// bytes are already what Newtonsoft would write for it (<see cref="RawJsonObject.IsVerbatim"/>). Tokenizing every
/// record again with System.Text.Json's reader cost a 100,000-record listing about 140 ms of CPU.
/// </summary>
internal static class RecordScanner
{
    /// <summary>
    /// The next member of the object from <paramref name="position"/> (just after its <c>{</c>, or after the previous
    /// member): the name's bytes between its quotes, and the value's; false at the object's end.
    /// </summary>
    public static bool NextMember(ReadOnlySpan<byte> json, ref int position, out Range name, out Range value)
    {
        var start = SkipSeparators(json, position);
        if (json[start] == (byte)'}')
        {
            position = start;
            (name, value) = (default, default);
            return false;
        }

        var nameEnd = EndOfString(json, start);
        name = (start + 1)..(nameEnd - 1);
        var valueStart = StrictJson.SkipWhitespace(json, StrictJson.SkipWhitespace(json, nameEnd) + 1); // past the colon
        position = EndOfValue(json, valueStart);
        value = valueStart..position;
        return true;
    }

    /// <summary>
    /// The next object in the array from <paramref name="position"/> (just after its <c>[</c>, or after the previous
    /// value), skipping values that are not objects; false at the array's end, where <paramref name="position"/> stays.
    /// </summary>
    public static bool NextObject(ReadOnlySpan<byte> json, ref int position, out Range record, out bool verbatim)
    {
        while (true)
        {
            var start = SkipSeparators(json, position);
            if (json[start] == (byte)']')
            {
                position = start;
                (record, verbatim) = (default, false);
                return false;
            }

            if (json[start] == (byte)'{')
            {
                position = EndOfObject(json, start, out verbatim);
                record = start..position;
                return true;
            }

            position = EndOfValue(json, start);
        }
    }

    /// <summary>Whether a well-formed object's bytes are what Newtonsoft would write for it (see <see cref="EndOfObject"/>).</summary>
    public static bool IsVerbatim(ReadOnlySpan<byte> json)
    {
        EndOfObject(json, 0, out var verbatim);
        return verbatim;
    }

    /// <summary>
    /// The index just past the object at <paramref name="open"/>, and whether its bytes are exactly Newtonsoft's
    /// compact JSON of it, conservatively: no escapes (nothing to normalise), no whitespace, no number Newtonsoft
    /// would print differently (exponents, negative zero, more digits than a decimal keeps), and none of the three
    /// characters Newtonsoft escapes by default (U+0085, U+2028, U+2029).
    /// </summary>
    private static int EndOfObject(ReadOnlySpan<byte> json, int open, out bool verbatim)
    {
        verbatim = true;
        var depth = 0;
        var digits = 0;
        var previous = (byte)0;
        var i = open;
        while (true)
        {
            var b = json[i];
            switch (b)
            {
                case (byte)'"':
                    i = EndOfVerbatimString(json, i, ref verbatim);
                    previous = b;
                    digits = 0;
                    continue;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
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

    /// <summary>Past the string at <paramref name="quote"/>, clearing <paramref name="verbatim"/> for an escape or a character Newtonsoft escapes.</summary>
    private static int EndOfVerbatimString(ReadOnlySpan<byte> json, int quote, ref bool verbatim)
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
                case 0xC2 when json[i + 1] == 0x85: // U+0085
                case 0xE2 when json[i + 1] == 0x80 && json[i + 2] is 0xA8 or 0xA9: // U+2028, U+2029
                    verbatim = false;
                    i++;
                    break;
                default:
                    i++;
                    break;
            }
        }
    }

    /// <summary>The index just past the value that starts at <paramref name="start"/>.</summary>
    private static int EndOfValue(ReadOnlySpan<byte> json, int start)
    {
        switch (json[start])
        {
            case (byte)'"':
                return EndOfString(json, start);
            case (byte)'{' or (byte)'[':
                return EndOfContainer(json, start);
            default:
                // A number or a literal, which ends where punctuation or whitespace begins.
                var i = start;
                while (json[i] is not ((byte)',' or (byte)']' or (byte)'}' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
                {
                    i++;
                }

                return i;
        }
    }

    private static int SkipSeparators(ReadOnlySpan<byte> json, int i)
    {
        while (json[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',')
        {
            i++;
        }

        return i;
    }

    private static int EndOfContainer(ReadOnlySpan<byte> json, int open)
    {
        var depth = 0;
        var i = open;
        while (true)
        {
            switch (json[i])
            {
                case (byte)'"':
                    i = EndOfString(json, i);
                    continue;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }

            i++;
        }
    }

    /// <summary>The index just past the closing quote of the string whose opening quote is at <paramref name="quote"/>.</summary>
    private static int EndOfString(ReadOnlySpan<byte> json, int quote)
    {
        var i = quote + 1;
        while (true)
        {
            i = StrictJson.SkipPlainStringBytes(json, i, stopAtNonAscii: false);
            if (json[i] == (byte)'"')
            {
                return i + 1;
            }

            i += 2; // an escape (a checked page has no control characters in strings)
        }
    }
}
