namespace Truto.Cli.Sdk.Output;

/// <summary>
/// Where commands hand their results. The host renders them in the format in force; data goes to stdout,
/// everything else to stderr. Records may be JSON values (<c>JToken</c>), dictionaries or plain objects.
/// </summary>
public interface IOutput
{
    /// <summary>Writes one object (a <c>get</c> result).</summary>
    /// <param name="record">The object.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteObjectAsync(object record, CancellationToken cancellationToken);

    /// <summary>Writes a list of records.</summary>
    /// <param name="records">The records.</param>
    /// <param name="columns">The table's columns; machine formats show whole records regardless.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteListAsync(IEnumerable<object> records, IReadOnlyList<TableColumn> columns, CancellationToken cancellationToken);

    /// <summary>
    /// Writes records as they arrive (for example page by page). Streaming formats write and flush as records
    /// come, so memory does not grow with the number of records.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="columns">The table's columns; machine formats show whole records regardless.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteStreamAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, CancellationToken cancellationToken);

    /// <summary>A status line for people (stderr); suppressed under machine formats.</summary>
    /// <param name="message">The message.</param>
    void Status(string message);

    /// <summary>A warning (stderr), shown in every format.</summary>
    /// <param name="message">The message.</param>
    void Warning(string message);
}
