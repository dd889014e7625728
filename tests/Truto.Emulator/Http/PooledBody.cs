using System.Buffers;

namespace Truto.Emulator.Http;

/// <summary>
/// A write-only stream that collects a response body in pooled 64 KiB chunks, so a 1.4 MB page neither lands on the
/// large-object heap (a growing MemoryStream does, and every page then cost a full garbage collection) nor needs
/// fresh memory per request. Knows its length for Content-Length, then sends itself asynchronously.
/// </summary>
internal sealed class PooledBody : Stream
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<byte[]> _chunks = [];
    private int _used = ChunkSize; // bytes used in the last chunk; full means "rent another"

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _chunks.Count == 0 ? 0 : ((long)(_chunks.Count - 1) * ChunkSize) + _used;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == ChunkSize)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                _used = 0;
            }

            var count = Math.Min(buffer.Length, ChunkSize - _used);
            buffer[..count].CopyTo(_chunks[^1].AsSpan(_used));
            _used += count;
            buffer = buffer[count..];
        }
    }

    /// <summary>Sends the collected bytes to <paramref name="destination"/>.</summary>
    public async Task SendAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _chunks.Count; i++)
        {
            await destination.WriteAsync(_chunks[i].AsMemory(0, i == _chunks.Count - 1 ? _used : ChunkSize), cancellationToken);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        base.Dispose(disposing);
    }
}
