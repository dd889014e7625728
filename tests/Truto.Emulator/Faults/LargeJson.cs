using System.Globalization;

namespace Truto.Emulator.Faults;

/// <summary>
/// A valid list envelope of an exact size, produced in row-sized chunks so a large body never sits in memory whole:
/// <c>{"result":[{"id","name","notes"},...],"next_cursor":null,"limit":N}</c>, the notes padded to fit.
/// </summary>
internal static class LargeJson
{
    private const int RowSize = 1024;
    private const string RowStart = "{\"id\":\"";
    private const string NameStart = "\",\"name\":\"Bulk row ";
    private const string NotesStart = "\",\"notes\":\"";
    private const string RowEnd = "\"}";
    private const string Head = "{\"result\":[";
    private const string TailStart = "],\"next_cursor\":null,\"limit\":";

    // A row without its notes: the fixed parts, a 36-character uuid and a 7-digit row number.
    private static readonly int RowOverhead = RowStart.Length + 36 + NameStart.Length + 7 + NotesStart.Length + RowEnd.Length;

    /// <summary>The body's length: <paramref name="bytes"/>, unless even one row with no padding is longer.</summary>
    public static int Length(int bytes) => Math.Max(bytes, Layout(bytes).FixedLength);

    public static IEnumerable<string> Chunks(int bytes)
    {
        var (rows, tail, fixedLength) = Layout(bytes);
        var notes = Math.Max(0, bytes - fixedLength);

        yield return Head;
        for (var row = 0; row < rows; row++)
        {
            // Spread the padding evenly; the first rows take the remainder.
            var padding = (notes / rows) + (row < notes % rows ? 1 : 0);
            var separator = row == 0 ? "" : ",";
            yield return separator + RowStart + Guid.NewGuid() + NameStart + (row + 1).ToString("D7", CultureInfo.InvariantCulture)
                + NotesStart + new string('x', padding) + RowEnd;
        }

        yield return tail;
    }

    private static (int Rows, string Tail, int FixedLength) Layout(int bytes)
    {
        var rows = Math.Max(1, bytes / RowSize);
        var tail = TailStart + rows.ToString(CultureInfo.InvariantCulture) + "}";
        return (rows, tail, Head.Length + tail.Length + (rows - 1) + (rows * RowOverhead));
    }
}
