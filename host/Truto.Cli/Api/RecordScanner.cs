namespace Truto.Cli.Api;

/// <summary>
/// Walks a list page already checked to be well-formed (<see cref="StrictJson"/>), so it only has to track strings
/// and nesting: the envelope's members, then the records array one object at a time. Tokenizing every record again
/// with System.Text.Json's reader cost a 100,000-record listing about 140 ms of CPU.
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
    public static bool NextObject(ReadOnlySpan<byte> json, ref int position, out Range record)
    {
        while (true)
        {
            var start = SkipSeparators(json, position);
            if (json[start] == (byte)']')
            {
                position = start;
                record = default;
                return false;
            }

            position = EndOfValue(json, start);
            if (json[start] == (byte)'{')
            {
                record = start..position;
                return true;
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
            switch (json[i])
            {
                case (byte)'"':
                    return i + 1;
                case (byte)'\\':
                    i += 2;
                    break;
                default:
                    i++;
                    break;
            }
        }
    }
}
