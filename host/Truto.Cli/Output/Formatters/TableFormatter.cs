using System.Text;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Output.Formatters;

/// <summary>
/// Tables for people. On a terminal: a header, aligned columns, and cells shortened with an ellipsis so a row fits
/// the width. Piped: no header, tab-separated, nothing shortened, rows written as they arrive (as gh does).
/// </summary>
internal sealed class TableFormatter : IRecordFormatter
{
    private const string Gap = "  ";
    private const int MinimumColumnWidth = 6;
    private readonly bool _terminal;
    private readonly int _width;
    private readonly Terminal.Ansi _style;

    public TableFormatter(bool terminal, int width, Terminal.Ansi? style = null)
    {
        _terminal = terminal;
        _width = Math.Max(width, 20);
        _style = style ?? Terminal.Ansi.Plain;
    }

    public bool Streams => !_terminal;

    public void WriteObject(JToken record, TextWriter output)
    {
        // A single object reads best as field/value pairs.
        var rows = record is JObject obj
            ? obj.Properties().Select(p => new[] { p.Name, Clean(RecordValues.CellText(p.Value)) }).ToList()
            : [["value", Clean(RecordValues.CellText(record))]];
        WriteRows(output, header: null, rows);
    }

    public async Task WriteRecordsAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyList<TableColumn>? effective = columns.Count > 0 ? columns : null;
        var rows = new List<string[]>();
        await foreach (var item in records.WithCancellation(cancellationToken))
        {
            var record = RecordValues.ToToken(item);
            effective ??= RecordValues.FieldNames(record).Select(f => new TableColumn(f.ToUpperInvariant(), f)).ToArray();
            var row = effective.Select(c => Clean(RecordValues.CellText(RecordValues.Select(record, c.Path)))).ToArray();
            if (_terminal)
            {
                rows.Add(row);
            }
            else
            {
                output.Write(string.Join('\t', row));
                output.Write('\n');
            }
        }

        if (_terminal && effective is not null)
        {
            WriteRows(output, effective.Select(c => c.Header).ToArray(), rows);
        }
    }

    private void WriteRows(TextWriter output, string[]? header, List<string[]> rows)
    {
        if (!_terminal)
        {
            foreach (var row in rows)
            {
                output.Write(string.Join('\t', row));
                output.Write('\n');
            }

            return;
        }

        var all = header is null ? rows : rows.Prepend(header).ToList();
        if (all.Count == 0)
        {
            return;
        }

        var widths = FitWidths(all);
        var line = new StringBuilder();
        foreach (var row in all)
        {
            var isHeader = header is not null && ReferenceEquals(row, header);
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                var cell = Shorten(row[i], widths[i]);
                line.Append(cell);
                if (i < row.Length - 1)
                {
                    line.Append(' ', widths[i] - cell.Length).Append(Gap);
                }
            }

            var text = line.ToString().TrimEnd();
            output.Write(isHeader ? _style.Bold(text) : text);
            output.Write('\n');
        }
    }

    /// <summary>Natural widths, then the widest columns give way until the row fits the terminal.</summary>
    private int[] FitWidths(List<string[]> rows)
    {
        var count = rows.Max(r => r.Length);
        var widths = new int[count];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var available = _width - Gap.Length * (count - 1);
        while (widths.Sum() > available)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= MinimumColumnWidth)
            {
                break;
            }

            widths[widest]--;
        }

        return widths;
    }

    private static string Shorten(string cell, int width)
    {
        if (cell.Length <= width)
        {
            return cell;
        }

        var cut = Math.Max(width - 1, 0);
        if (cut > 0 && char.IsHighSurrogate(cell[cut - 1]))
        {
            cut--;
        }

        return cell[..cut] + "…";
    }

    /// <summary>Line breaks and tabs inside a value would break the rows apart.</summary>
    private static string Clean(string cell)
    {
        if (cell.AsSpan().IndexOfAny("\r\n\t") < 0)
        {
            return cell;
        }

        return cell.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
    }
}
