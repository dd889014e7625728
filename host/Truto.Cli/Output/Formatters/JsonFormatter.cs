using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Output.Formatters;

/// <summary>
/// One indented JSON document; a list is an array. Lists are buffered, as the official CLI's are: a listing that
/// fails half-way must not leave a truncated, unparseable document on stdout. Use ndjson to stream.
/// </summary>
internal sealed class JsonFormatter : IRecordFormatter
{
    public void WriteObject(JToken record, TextWriter output)
    {
        using var writer = CreateWriter(output);
        record.WriteTo(writer);
        writer.Flush();
        output.Write('\n');
    }

    public async Task WriteRecordsAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken)
    {
        var all = new JArray();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            all.Add(RecordValues.ToToken(record));
        }

        WriteObject(all, output);
    }

    private static JsonTextWriter CreateWriter(TextWriter output) =>
        new(output) { Formatting = Formatting.Indented, CloseOutput = false, AutoCompleteOnClose = false };
}
