using CsvHelper;
using Newtonsoft.Json.Linq;
using Truto.Cli.Api;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Output.Formatters;

/// <summary>
/// RFC 4180 CSV. Columns are the first record's fields (as the official CLI auto-detects them), fixed for the rest
/// of the output; with no records, the header comes from the column spec. Nested values are compact JSON.
/// </summary>
internal sealed class CsvFormatter : IRecordFormatter
{
    private static readonly CsvWriterOptions Options = new();
    private CsvWriter? _streaming;

    public bool Streams => true;

    public void WriteObject(JToken record, TextWriter output)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        var fields = HeaderFor(RecordValues.FieldNames(record), []);
        csv.WriteRecord(fields);
        csv.WriteRecord(fields.Select(f => Cell(record, f)).ToArray());
        csv.Flush();
    }

    /// <summary>
    /// A compact, flat record the API sent (<see cref="RawJsonObject"/>) with the header's fields in order is written
    /// straight from its bytes (<see cref="CsvRow"/>); another flat one gives its cells from its bytes, without
    /// building a JObject; anything else is converted first. Same columns, same cells.
    /// </summary>
    public async Task WriteRecordsAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken)
    {
        await using var csv = _streaming = CsvWriter.Create(output, Options, leaveOpen: true);
        string[]? fields = null;
        byte[][] header = [];
        string[] row = [];
        var direct = new char[1024];
        var names = new List<string>();
        var cells = new List<string>();
        var helperHoldsRows = false;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (fields is not null && record is RawJsonObject compact && CsvRow.TryFormat(compact, header, ref direct, out var length))
            {
                if (helperHoldsRows)
                {
                    csv.Flush(); // its rows go first
                    helperHoldsRows = false;
                }

                output.Write(direct, 0, length);
                continue;
            }

            if (record is RawJsonObject raw && CsvRow.TryReadCells(raw, names, cells, fields))
            {
                fields ??= WriteHeader(csv, names, columns, ref row, ref header);
                if (names.Count == fields.Length && names.SequenceEqual(fields))
                {
                    cells.CopyTo(row);
                }
                else
                {
                    for (var i = 0; i < fields.Length; i++)
                    {
                        var at = names.IndexOf(fields[i]);
                        row[i] = at < 0 ? "" : cells[at];
                    }
                }
            }
            else
            {
                var token = RecordValues.ToToken(record);
                fields ??= WriteHeader(csv, RecordValues.FieldNames(token), columns, ref row, ref header);
                for (var i = 0; i < fields.Length; i++)
                {
                    row[i] = Cell(token, fields[i]);
                }
            }

            csv.WriteRecord(row);
            helperHoldsRows = true;
        }

        if (fields is null && columns.Count > 0)
        {
            csv.WriteRecord(columns.Select(c => c.Path).ToArray());
        }

        csv.Flush();
        _streaming = null;
    }

    private static string[] WriteHeader(CsvWriter csv, IReadOnlyList<string> names, IReadOnlyList<TableColumn> columns, ref string[] row, ref byte[][] header)
    {
        var fields = HeaderFor(names, columns);
        csv.WriteRecord(fields);
        row = new string[fields.Length];
        header = fields.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        return fields;
    }

    /// <summary>The first record's fields; when it has none (<c>{}</c>), the column spec's, else one <c>value</c> column.</summary>
    private static string[] HeaderFor(IReadOnlyList<string> names, IReadOnlyList<TableColumn> columns) =>
        names.Count > 0 ? names.ToArray()
        : columns.Count > 0 ? columns.Select(c => c.Path).ToArray()
        : ["value"];

    /// <summary>CsvHelper buffers rows itself; at a page boundary they go out with the page.</summary>
    public void WritePending() => _streaming?.Flush();

    private static string Cell(JToken record, string field) =>
        record is JObject obj ? RecordValues.CellText(obj[field]) : RecordValues.CellText(record);
}
