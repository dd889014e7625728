using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using Truto.Cli.Output.Formatters;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Terminal;

namespace Truto.Cli.Output;

/// <summary>
/// The one place output formats are chosen. Data goes to stdout in the format in force; status lines go to stderr
/// and only under the human format; warnings go to stderr always.
/// </summary>
internal sealed class OutputRenderer : IOutput
{
    private readonly IStandardStreams _streams;
    private readonly IInvocationContext _context;
    private readonly Func<TerminalColors> _colors;

    public OutputRenderer(IStandardStreams streams, IInvocationContext context, Func<TerminalColors>? colors = null)
    {
        _streams = streams;
        _context = context;
        _colors = colors ?? (() => TerminalColors.None);
    }

    public Task WriteObjectAsync(object record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Formatter().WriteObject(RecordValues.ToToken(record), _streams.Out);
        return _streams.Out.FlushAsync(cancellationToken);
    }

    public Task WriteListAsync(IEnumerable<object> records, IReadOnlyList<TableColumn> columns, CancellationToken cancellationToken) =>
        WriteStreamAsync(ToAsync(records), columns, cancellationToken);

    public async Task WriteStreamAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, CancellationToken cancellationToken)
    {
        var formatter = Formatter();
        var progress = new StreamProgress();
        try
        {
            await formatter.WriteRecordsAsync(FlushWhileWaiting(records, formatter, progress, cancellationToken), columns, _streams.Out, cancellationToken);
        }
        catch (Exception e) when (formatter.Streams && progress.Records > 0 && !DescriptorStream.IsBrokenPipe(e))
        {
            // Whole records already went out (or are about to: stdout is flushed here, once a page is already
            // waiting, or when its buffer fills); say plainly that the listing is not complete.
            formatter.WritePending();
            await _streams.Out.FlushAsync(CancellationToken.None);
            _streams.Error.WriteLine($"warning: the output stopped after {progress.Records} records and is incomplete");
            throw;
        }

        await _streams.Out.FlushAsync(cancellationToken);
    }

    public void Status(string message)
    {
        if (_context.OutputFormat == OutputFormat.Table)
        {
            _streams.Error.WriteLine(message);
        }
    }

    public void Warning(string message) => _streams.Error.WriteLine($"{_colors().Error.Yellow("warning:")} {message}");

    private IRecordFormatter Formatter() => _context.OutputFormat switch
    {
        OutputFormat.Json => new JsonFormatter(),
        OutputFormat.Ndjson => new NdjsonFormatter(),
        OutputFormat.Csv => new CsvFormatter(),
        OutputFormat.Yaml => new YamlFormatter(),
        _ => new TableFormatter(_streams.IsOutputTerminal, _streams.Width, _colors().Out),
    };

    /// <summary>
    /// Flushes stdout whenever the next record is not ready yet (a page boundary), so streamed output reaches the
    /// reader page by page without paying for a flush per record.
    /// </summary>
    private async IAsyncEnumerable<object> FlushWhileWaiting(IAsyncEnumerable<object> records, IRecordFormatter formatter, StreamProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = records.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var next = enumerator.MoveNextAsync();
            if (!next.IsCompleted)
            {
                formatter.WritePending();
                await _streams.Out.FlushAsync(cancellationToken);
            }

            if (!await next)
            {
                yield break;
            }

            progress.Records++;
            yield return enumerator.Current;
        }
    }

    private sealed class StreamProgress
    {
        public int Records { get; set; }
    }

    private static async IAsyncEnumerable<object> ToAsync(IEnumerable<object> records)
    {
        foreach (var record in records)
        {
            yield return record;
        }

        await Task.CompletedTask;
    }
}
