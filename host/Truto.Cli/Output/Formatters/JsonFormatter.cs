using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Output.Formatters;

/// <summary>One indented JSON document; a list is an array, written element by element.</summary>
internal sealed class JsonFormatter : IRecordFormatter
{
    public void WriteObject(JToken record, TextWriter output)
    {
        using var writer = CreateWriter(output);
        record.WriteTo(writer);
        writer.Flush();
        output.Write('\n');
    }

    public async Task WriteRecordsAsync(IAsyncEnumerable<JToken> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken)
    {
        using var writer = CreateWriter(output);
        writer.WriteStartArray();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            record.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.Flush();
        output.Write('\n');
    }

    private static JsonTextWriter CreateWriter(TextWriter output) =>
        new(output) { Formatting = Formatting.Indented, CloseOutput = false, AutoCompleteOnClose = false };
}
