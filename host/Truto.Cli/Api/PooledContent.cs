using System.Buffers;
using System.Net;

namespace Truto.Cli.Api;

/// <summary>
/// A response body read whole into pooled 64 KiB chunks. HttpClient's own buffering keeps a body in one array, and a
/// 5,000-record page (about 1.4 MB) then lands on the large-object heap: with a page every few milliseconds that
/// forced a full garbage collection every page or two. Pooled chunks are reused page after page, so memory stays
/// flat however many pages a listing has. Disposing returns the chunks.
/// </summary>
internal sealed class PooledContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<byte[]> _chunks = [];
    private long _length;

    private PooledContent()
    {
    }

    /// <summary>Reads <paramref name="original"/> to its end into pooled chunks, keeping its content headers.</summary>
    public static async Task<PooledContent> ReadAsync(HttpContent original, CancellationToken cancellationToken)
    {
        var content = new PooledContent();
        try
        {
            await using var source = await original.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                var used = (int)(content._length % ChunkSize);
                if (used == 0)
                {
                    content._chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                }

                var read = await source.ReadAsync(content._chunks[^1].AsMemory(used, ChunkSize - used), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                content._length += read;
            }
        }
        catch
        {
            content.Dispose();
            throw;
        }

        foreach (var (name, values) in original.Headers)
        {
            content.Headers.TryAddWithoutValidation(name, values);
        }

        return content;
    }

    /// <summary>The body as one sequence over its chunks, for a reader that works on bytes in place.</summary>
    public ReadOnlySequence<byte> AsSequence()
    {
        if (_chunks.Count == 0 || _length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(_chunks[0].AsMemory(0, (int)Math.Min(_length, ChunkSize)), 0);
        var last = first;
        var left = _length - first.Memory.Length;
        for (var i = 1; left > 0; i++)
        {
            var count = (int)Math.Min(left, ChunkSize);
            last = last.Append(_chunks[i].AsMemory(0, count));
            left -= count;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var left = _length;
        foreach (var chunk in _chunks)
        {
            var count = (int)Math.Min(left, ChunkSize);
            await stream.WriteAsync(chunk.AsMemory(0, count), cancellationToken);
            left -= count;
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Reader(this));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new Reader(this);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var chunk in _chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            _chunks.Clear();
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    /// <summary>Reads the chunks in order.</summary>
    private sealed class Reader(PooledContent content) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => content._length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var left = content._length - _position;
            if (left <= 0 || buffer.IsEmpty)
            {
                return 0;
            }

            var chunk = content._chunks[(int)(_position / ChunkSize)];
            var at = (int)(_position % ChunkSize);
            var count = (int)Math.Min(Math.Min(buffer.Length, ChunkSize - at), left);
            chunk.AsSpan(at, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
