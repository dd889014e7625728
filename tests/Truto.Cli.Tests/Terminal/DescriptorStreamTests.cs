using System.IO.Pipes;
using System.Runtime.InteropServices;
using Shouldly;
using Truto.Cli.Terminal;
using Xunit;

namespace Truto.Cli.Tests.Terminal;

/// <summary>stdout and stderr as truto writes them on Linux: write(2) on the descriptor, in whole.</summary>
public sealed class DescriptorStreamTests
{
    private static readonly byte[] MoreThanAPipeHolds = Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 31)).ToArray();

    [Fact]
    public async Task Everything_written_reaches_the_reader_even_past_what_the_pipe_holds()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        var received = ReadAllAsync(pipe);

        using (var stream = new DescriptorStream(DescriptorOf(pipe.ClientSafePipeHandle), ignoreBrokenPipe: false))
        {
            stream.Write(MoreThanAPipeHolds);
        }

        pipe.DisposeLocalCopyOfClientHandle();
        (await received).ShouldBe(MoreThanAPipeHolds);
    }

    [Fact]
    public async Task A_non_blocking_descriptor_is_waited_on_rather_than_failing_when_the_pipe_is_full()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        var descriptor = DescriptorOf(pipe.ClientSafePipeHandle);
        Fcntl(descriptor, SetFlags, Fcntl(descriptor, GetFlags, 0) | NonBlocking).ShouldBe(0);
        var received = ReadAllAsync(pipe, pauseFirst: TimeSpan.FromMilliseconds(200));

        using (var stream = new DescriptorStream(descriptor, ignoreBrokenPipe: false))
        {
            stream.Write(MoreThanAPipeHolds);
        }

        pipe.DisposeLocalCopyOfClientHandle();
        (await received).ShouldBe(MoreThanAPipeHolds);
    }

    [Fact]
    public void Stdout_whose_reader_went_away_says_broken_pipe_so_truto_stops_quietly()
    {
        var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        using var writeEnd = pipe.ClientSafePipeHandle;
        pipe.Dispose(); // the reader closes its end, as `| head -1` does
        using var stream = new DescriptorStream(DescriptorOf(writeEnd), ignoreBrokenPipe: false);

        var error = Should.Throw<IOException>(() => stream.Write("{\"id\":1}\n"u8));

        error.HResult.ShouldBe(32); // EPIPE, which TrutoHost takes for a reader's choice, not a failure
    }

    [Fact]
    public void Stderr_whose_reader_went_away_drops_the_text_as_there_is_nobody_left_to_tell()
    {
        var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        using var writeEnd = pipe.ClientSafePipeHandle;
        pipe.Dispose();
        using var stream = new DescriptorStream(DescriptorOf(writeEnd), ignoreBrokenPipe: true);

        Should.NotThrow(() => stream.Write("error: something\n"u8));
    }

    [Fact]
    public void A_closed_descriptor_fails_with_the_system_s_reason()
    {
        using var stream = new DescriptorStream(-1, ignoreBrokenPipe: true);

        var error = Should.Throw<IOException>(() => stream.Write("x"u8));

        error.Message.ShouldContain("Bad file descriptor");
    }

    private static async Task<byte[]> ReadAllAsync(Stream pipe, TimeSpan pauseFirst = default)
    {
        await Task.Delay(pauseFirst);
        return await Task.Run(() =>
        {
            using var all = new MemoryStream();
            pipe.CopyTo(all);
            return all.ToArray();
        });
    }

    private static int DescriptorOf(SafeHandle handle) => (int)handle.DangerousGetHandle();

    private const int GetFlags = 3;       // F_GETFL
    private const int SetFlags = 4;       // F_SETFL
    private const int NonBlocking = 0x800; // O_NONBLOCK on Linux

    [DllImport("libc", EntryPoint = "fcntl")]
    private static extern int Fcntl(int descriptor, int command, int argument);
}
