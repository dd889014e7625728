using System.Text;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Tests.Output;

/// <summary>
/// Streams whose stdout behaves like the real, buffered one: what is written reaches the reader only when stdout is
/// flushed. Tests see what the reader has seen so far, and can wait for the next flush.
/// </summary>
internal sealed class BufferedTerminal : IStandardStreams
{
    public BufferedWriter BufferedOut { get; } = new();
    public StringWriter BufferedError { get; } = new() { NewLine = "\n" };

    public TextReader In { get; } = new StringReader("");
    public TextWriter Out => BufferedOut;
    public TextWriter Error => BufferedError;
    public bool IsInputTerminal => false;
    public bool IsOutputTerminal { get; init; }
    public bool IsErrorTerminal => false;
    public int Width { get; init; } = 80;
    public bool CanPrompt => false;
}

internal sealed class BufferedWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _visible = new();
    private TaskCompletionSource _nextFlush = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BufferedWriter() => NewLine = "\n";

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>What a reader at the other end of the pipe has received.</summary>
    public string Visible
    {
        get
        {
            lock (_gate)
            {
                return _visible.ToString();
            }
        }
    }

    /// <summary>Everything written, flushed or not.</summary>
    public string Written
    {
        get
        {
            lock (_gate)
            {
                return _visible.ToString() + _pending;
            }
        }
    }

    /// <summary>Completes at the next flush.</summary>
    public Task NextFlush
    {
        get
        {
            lock (_gate)
            {
                return _nextFlush.Task;
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            _pending.Append(buffer, index, count);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            _pending.Append(buffer);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _pending.Append(value);
        }
    }

    public override void Flush()
    {
        TaskCompletionSource flushed;
        lock (_gate)
        {
            _visible.Append(_pending);
            _pending.Clear();
            flushed = _nextFlush;
            _nextFlush = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        flushed.SetResult();
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Flush();
        return Task.CompletedTask;
    }
}
