using System.Buffers;
using System.Net;

namespace Truto.Cli.Api;

/// <summary>
/// A response body read whole into one pooled array. HttpClient's own buffering allocates a new array per body, and a
/// 5,000-record page (about 1.4 MB) then lands on the large-object heap: with a page every few milliseconds that
/// forced a full garbage collection every page or two. The pooled array is reused page after page, so memory stays
/// flat however many pages a listing has; being contiguous, the page is read by the JSON reader's single-span path.
/// Disposing returns the array.
/// </summary>
internal sealed class PooledContent : HttpContent
{
    private const int MinimumSize = 64 * 1024;
    private byte[] _buffer = [];
    private int _length;

    private PooledContent()
    {
    }

    /// <summary>Reads <paramref name="original"/> to its end into a pooled array, keeping its content headers.</summary>
    public static async Task<PooledContent> ReadAsync(HttpContent original, CancellationToken cancellationToken)
    {
        var content = new PooledContent();
        try
        {
            // One byte over the announced length, so the read that finds the end needs no bigger array.
            var expected = original.Headers.ContentLength is { } length && length < Array.MaxLength ? (int)length + 1 : 0;
            content._buffer = ArrayPool<byte>.Shared.Rent(Math.Max(expected, MinimumSize));
            await using var source = await original.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                if (content._length == content._buffer.Length)
                {
                    content.Grow();
                }

                var read = await source.ReadAsync(content._buffer.AsMemory(content._length), cancellationToken);
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

    /// <summary>The body, for a reader that works on bytes in place.</summary>
    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(CancellationToken.None));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new MemoryStream(_buffer, 0, _length, writable: false);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Grow()
    {
        if (_buffer.Length >= Array.MaxLength)
        {
            throw new HttpRequestException("the response body is larger than 2 GB");
        }

        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, Array.MaxLength));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
