using System.Text;
using System.Text.Json;
using Truto.Cli.Api;

namespace Truto.Cli.Output.Formatters;

/// <summary>
/// CSV straight from a listing's record bytes, without building a JObject. The common case, a compact record
/// (<see cref="RawJsonObject.IsVerbatim"/>) whose fields are exactly the header's, in order, each a string, a plain
/// number, true, false or null, becomes a whole row (<see cref="TryFormat"/>): what CsvHelper writes for the same
/// cells (RFC 4180, quoted only when a cell holds the separator, CRLF), without a string per cell, which had made
/// CSV the slowest format (3.6 µs a record against ndjson's 2.2). Another flat record gives its cells for CsvHelper
/// to write (<see cref="TryReadCells"/>).
/// </summary>
internal static class CsvRow
{
    /// <summary>The row, CRLF included, in the first <paramref name="length"/> characters of <paramref name="row"/>; false for any record it does not cover.</summary>
    public static bool TryFormat(RawJsonObject record, byte[][] header, ref char[] row, out int length)
    {
        length = 0;
        if (!record.IsVerbatim || header.Length == 0)
        {
            return false;
        }

        var json = record.Utf8;
        // Verbatim means no escapes and no whitespace: every cell is at most its bytes, plus two quotes and a comma.
        var needed = json.Length + (3 * header.Length) + 2;
        if (row.Length < needed)
        {
            row = new char[Math.Max(needed, row.Length * 2)];
        }

        var i = 1; // past the '{'
        for (var field = 0; field < header.Length; field++)
        {
            var name = header[field];
            if (json[i] != (byte)'"' || !json[(i + 1)..].StartsWith(name) || json[i + 1 + name.Length] != (byte)'"')
            {
                return false;
            }

            i += name.Length + 3; // the quoted name and its colon
            if (field > 0)
            {
                row[length++] = ',';
            }

            int end;
            if (json[i] == (byte)'"')
            {
                end = i + 1;
                var separator = false;
                while (json[end] != (byte)'"')
                {
                    separator |= json[end] == (byte)',';
                    end++;
                }

                length = Append(json[(i + 1)..end], row, length, quoted: separator);
                end++;
            }
            else
            {
                end = i;
                while (json[end] is not ((byte)',' or (byte)'}'))
                {
                    end++;
                }

                var scalar = json[i..end];
                if (scalar[0] is (byte)'{' or (byte)'[' || (scalar[0] is (byte)'-' or (>= (byte)'0' and <= (byte)'9') && !IsPlainNumber(scalar)))
                {
                    return false; // nested values and unusual numbers take the general path
                }

                if (!scalar.SequenceEqual("null"u8))
                {
                    length = Append(scalar, row, length, quoted: false);
                }
            }

            i = end;
            var last = field == header.Length - 1;
            if (json[i] != (last ? (byte)'}' : (byte)','))
            {
                return false; // fewer or more fields than the header
            }

            i++;
        }

        if (length == 0)
        {
            // One empty cell: CsvHelper quotes it, so the row is not a blank line.
            row[length++] = '"';
            row[length++] = '"';
        }

        row[length++] = '\r';
        row[length++] = '\n';
        return true;
    }

    /// <summary>
    /// A flat record's field names and cell texts, in order, when every value is a scalar whose text is what
    /// <see cref="RecordValues.CellText"/> would give (strings unescaped, plain numbers as written, true/false,
    /// null as empty); false for anything else (nested values, exponents, repeated names), which takes the parsed
    /// path. Names equal to <paramref name="known"/>'s are reused rather than allocated per record. For records the
    /// byte-level row does not cover (escapes, another field order).
    /// </summary>
    public static bool TryReadCells(RawJsonObject record, List<string> names, List<string> cells, IReadOnlyList<string>? known)
    {
        names.Clear();
        cells.Clear();
        var reader = new Utf8JsonReader(record.Utf8);
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
    private static bool IsPlainNumber(ReadOnlySpan<byte> number) =>
        number.Length <= 16 && number.IndexOfAny((byte)'e', (byte)'E') < 0 && !number.StartsWith("-0"u8);

    private static int Append(ReadOnlySpan<byte> utf8, char[] row, int length, bool quoted)
    {
        if (quoted)
        {
            row[length++] = '"';
        }

        // ASCII by hand (cells are short, and this loop is precompiled); anything else through the decoder.
        var ascii = 0;
        while (ascii < utf8.Length && utf8[ascii] < 0x80)
        {
            row[length++] = (char)utf8[ascii++];
        }

        if (ascii < utf8.Length)
        {
            length += Encoding.UTF8.GetChars(utf8[ascii..], row.AsSpan(length));
        }

        if (quoted)
        {
            row[length++] = '"';
        }

        return length;
    }
}
