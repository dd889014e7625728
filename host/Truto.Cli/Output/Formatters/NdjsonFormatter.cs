using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Output.Formatters;

/// <summary>One compact JSON value per line, so a consumer can stop at any newline.</summary>
internal sealed class NdjsonFormatter : IRecordFormatter
{
    public bool Streams => true;

    public void WriteObject(JToken record, TextWriter output) => WriteLine(record, output);

    public async Task WriteRecordsAsync(IAsyncEnumerable<JToken> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            WriteLine(record, output);
        }
    }

    private static void WriteLine(JToken record, TextWriter output)
    {
        using var writer = new JsonTextWriter(output) { Formatting = Formatting.None, CloseOutput = false };
        record.WriteTo(writer);
        writer.Flush();
        output.Write('\n');
    }
}
