using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Api;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Output.Formatters;

/// <summary>One compact JSON value per line, so a consumer can stop at any newline.</summary>
internal sealed class NdjsonFormatter : IRecordFormatter
{
    private Utf8Passthrough? _bytes;

    public bool Streams => true;

    public void WriteObject(JToken record, TextWriter output)
    {
        using var writer = CreateWriter(output);
        WriteLine(record, writer, output);
    }

    /// <summary>
    /// One JSON writer for the whole stream, never flushed per record: JsonTextWriter.Flush flushes stdout too, and a
    /// flush per record made ndjson ~40% slower than CSV. stdout's writer is flushed per page by the renderer. Records
    /// the API sent in compact form are copied as they are (what Newtonsoft would write for them, without building a
    /// JObject), as bytes when stdout takes them (<see cref="Utf8Passthrough"/>); anything else is converted and
    /// written. The JSON writer is made for the first record that needs it: a listing the API sent compactly never
    /// pays for Newtonsoft's writer set-up (its static tables load two more assemblies).
    /// </summary>
    public async Task WriteRecordsAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken)
    {
        using var bytes = _bytes = Utf8Passthrough.For(output);
        var chars = new char[4096];
        JsonTextWriter? writer = null;
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                if (record is not RawJsonObject { IsVerbatim: true } raw)
                {
                    bytes?.BeforeText();
                    WriteLine(RecordValues.ToToken(record), writer ??= CreateWriter(output), output);
                }
                else if (bytes is not null)
                {
                    bytes.Write(raw.Utf8);
                    bytes.Write("\n"u8);
                }
                else
                {
                    raw.WriteTo(output, ref chars);
                    output.Write('\n');
                }
            }
        }
        finally
        {
            writer?.Close(); // CloseOutput is off: stdout stays open, the writer's buffers go back to their pool
        }
    }

    /// <summary>The records copied as bytes since the last page boundary go out to stdout.</summary>
    public void WritePending() => _bytes?.Flush();

    private static JsonTextWriter CreateWriter(TextWriter output) =>
        new(output) { Formatting = Formatting.None, CloseOutput = false, AutoCompleteOnClose = false };

    /// <summary>The writer writes straight through to <paramref name="output"/>, so the newline lands after the value.</summary>
    private static void WriteLine(JToken record, JsonTextWriter writer, TextWriter output)
    {
        record.WriteTo(writer);
        output.Write('\n');
    }
}
