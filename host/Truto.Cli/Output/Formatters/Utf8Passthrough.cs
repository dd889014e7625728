using System.Buffers;

namespace Truto.Cli.Output.Formatters;

/// <summary>
/// UTF-8 bytes written to stdout beside its text writer, in order with that writer's text: before bytes follow
/// text the writer is flushed to its stream, and before text follows bytes the bytes go out. ndjson copies most
/// records of a listing this way, instead of decoding each to text for the writer to encode back (100,000 records
/// from the emulator: 491 -> 420 ms).
/// </summary>
internal sealed class Utf8Passthrough : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly StreamWriter _writer;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _count;
    private bool _textMayBePending = true;

    private Utf8Passthrough(StreamWriter writer) => _writer = writer;

    /// <summary>A passthrough for <paramref name="output"/> when it encodes UTF-8 onto a stream; null otherwise.</summary>
    public static Utf8Passthrough? For(TextWriter output) =>
        output is StreamWriter { Encoding.CodePage: 65001 } writer ? new Utf8Passthrough(writer) : null;

    public void Write(ReadOnlySpan<byte> utf8)
    {
        if (_textMayBePending)
        {
            _writer.Flush();
            _textMayBePending = false;
        }

        if (utf8.Length > _buffer.Length - _count)
        {
            Flush();
            if (utf8.Length > _buffer.Length)
            {
                _writer.BaseStream.Write(utf8);
                return;
            }
        }

        utf8.CopyTo(_buffer.AsSpan(_count));
        _count += utf8.Length;
    }

    /// <summary>Call before writing text to the writer: the bytes so far go out first.</summary>
    public void BeforeText()
    {
        Flush();
        _textMayBePending = true;
    }

    /// <summary>Hands the bytes held back to the writer's stream (the renderer then flushes the writer).</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            _writer.BaseStream.Write(_buffer, 0, _count);
            _count = 0;
        }
    }

    public void Dispose()
    {
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
