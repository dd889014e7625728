namespace Truto.Cli.Api;

/// <summary>
/// Walks the records array of a list page that System.Text.Json's reader has already checked is well-formed, strict
/// JSON, so it only has to track strings and nesting: one plain loop per record in this assembly's precompiled code.
/// Tokenizing every record again with the reader cost a 100,000-record listing about 140 ms of CPU, most of it in the
/// framework's vectorised search, which on AVX-512 machines runs as unoptimised code until tiering catches up.
/// </summary>
internal static class RecordScanner
{
    /// <summary>
    /// The next object in the array from <paramref name="position"/> (just after its <c>[</c>, or after the previous
    /// value), skipping values that are not objects; false at the array's end, where <paramref name="position"/> stays.
    /// </summary>
    public static bool NextObject(ReadOnlySpan<byte> json, ref int position, out Range record)
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
                // A number or a literal, which ends where the array's punctuation or whitespace begins.
                var i = start;
                while (json[i] is not ((byte)',' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
                {
                    i++;
                }

                return i;
        }
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
