using System.Runtime.InteropServices;

namespace Truto.Cli.Terminal;

/// <summary>
/// stdout or stderr written with write(2) on Linux. System.Console's streams lock Console.Out around every write,
/// which builds Console.Out (its encoding and synchronised writer) and sets up the terminal on the first one: work
/// for a writer truto never uses, ~3 ms of every run (profiles list 140.6 -> 137.4 ms, 150 alternating runs). Like the
/// console's stream, it waits out a non-blocking descriptor and retries an interrupted write; unlike it, a reader
/// that went away (EPIPE) is reported on stdout, as a broken-pipe IOException, so a listing stops instead of
/// fetching pages nobody reads. stderr has nobody to tell and ignores it, as the console's stream does.
/// </summary>
internal sealed unsafe partial class DescriptorStream(int descriptor, bool ignoreBrokenPipe) : Stream
{
    private const int Interrupted = 4;  // EINTR
    private const int WouldBlock = 11;  // EAGAIN
    private const int BrokenPipe = 32;  // EPIPE
    private const short Writable = 4;   // POLLOUT

    /// <summary>The process's stdout or stderr: its descriptor on Linux, the console's stream elsewhere.</summary>
    public static Stream Open(int descriptor) =>
        OperatingSystem.IsLinux() ? new DescriptorStream(descriptor, ignoreBrokenPipe: descriptor == 2)
        : descriptor == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();

    /// <summary>Whether a write failed because the reader went away (<c>| head</c>): the reader's choice, not a failure.</summary>
    public static bool IsBrokenPipe(Exception e) =>
        e is IOException io && (io.HResult == BrokenPipe || io.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase));

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var count = WriteNative(descriptor, start + written, buffer.Length - written);
                if (count >= 0)
                {
                    written += (int)count;
                    continue;
                }

                switch (Marshal.GetLastPInvokeError())
                {
                    case Interrupted:
                        break;
                    case WouldBlock:
                        var wanted = new PollDescriptor { Descriptor = descriptor, Events = Writable };
                        Poll(&wanted, 1, -1);
                        break;
                    case BrokenPipe when ignoreBrokenPipe:
                        return;
                    case BrokenPipe:
                        throw new IOException("Broken pipe", BrokenPipe);
                    case var error:
                        throw new IOException($"cannot write to {(descriptor == 1 ? "stdout" : "stderr")}: {Marshal.GetPInvokeErrorMessage(error)}", error);
                }
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(PollDescriptor* descriptors, nuint count, int timeout);
}
