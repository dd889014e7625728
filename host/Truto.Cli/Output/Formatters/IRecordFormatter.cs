using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Output.Formatters;

/// <summary>Renders records in one output format onto stdout.</summary>
internal interface IRecordFormatter
{
    void WriteObject(JToken record, TextWriter output);

    /// <summary>
    /// Writes records as commands handed them over, or as <see cref="Api.RawJsonObject"/>s from a listing, which are
    /// valid only until the next record is asked for: a formatter that keeps records converts each as it arrives
    /// (<see cref="RecordValues.ToToken"/>).
    /// </summary>
    Task WriteRecordsAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken);

    /// <summary>True when records reach stdout as they arrive (a failure half-way leaves part of a listing).</summary>
    bool Streams => false;

    /// <summary>Hands anything the formatter holds back to stdout's writer; called at each page boundary.</summary>
    void WritePending()
    {
    }
}
