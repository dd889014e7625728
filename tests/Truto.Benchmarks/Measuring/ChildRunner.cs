using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Truto.Benchmarks.Measuring;

/// <summary>One finished child: its exit code, wall time from spawn to reap, CPU time (user + system) and peak resident memory.</summary>
internal readonly record struct ChildRun(int ExitCode, double WallMilliseconds, double CpuMilliseconds, double PeakMebibytes);

/// <summary>
/// Runs a program the same way for both sides of a comparison: posix_spawn(3) with stdin from /dev/null and stdout
/// to /dev/null (or a file), then wait4(2), whose rusage gives the child's own peak RSS with no extra process.
/// System.Diagnostics.Process is not used here: its pipes, threads and SIGCHLD bookkeeping would add time that is
/// not the child's.
/// </summary>
internal static unsafe partial class ChildRunner
{
    private const int ReadOnly = 0x0;         // O_RDONLY
    private const int WriteCreateTruncate = 0x1 | 0x40 | 0x200; // O_WRONLY | O_CREAT | O_TRUNC
    private const int Interrupted = 4;        // EINTR
    private const int MaxRssOffset = 32;      // struct rusage: ru_utime, ru_stime (timevals of 16 bytes), then ru_maxrss (KiB)
    private const int KillSignal = 9;
    private const int RusageSize = 144;
    private const int FileActionsSize = 256;  // posix_spawn_file_actions_t is 80 bytes on glibc x64; room to spare

    /// <summary>A child still running after this long is killed, so a hung run cannot hang the harness.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="path"/> to completion. stderr is inherited when <paramref name="stderrPath"/> is null.</summary>
    public static ChildRun Run(
        string path,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string stdoutPath = "/dev/null",
        string? stderrPath = "/dev/null")
    {
        var argv = ToNativeArray([path, .. arguments]);
        var envp = ToNativeArray(environment.Select(e => $"{e.Key}={e.Value}").ToArray());
        var actions = NativeMemory.AllocZeroed(FileActionsSize);
        var usage = stackalloc byte[RusageSize];
        try
        {
            Check(FileActionsInit(actions), "posix_spawn_file_actions_init");
            Check(FileActionsAddOpen(actions, 0, "/dev/null", ReadOnly, 0), "addopen stdin");
            Check(FileActionsAddOpen(actions, 1, stdoutPath, WriteCreateTruncate, 0x1A4 /* 0644 */), "addopen stdout");
            if (stderrPath is not null)
            {
                Check(FileActionsAddOpen(actions, 2, stderrPath, WriteCreateTruncate, 0x1A4), "addopen stderr");
            }

            var started = Stopwatch.GetTimestamp();
            fixed (IntPtr* argvPointer = argv)
            fixed (IntPtr* envpPointer = envp)
            {
                Check(PosixSpawn(out var pid, path, actions, null, argvPointer, envpPointer), $"posix_spawn {path}");
                using var watchdog = new Timer(_ => Kill(pid, KillSignal), null, Limit, Timeout.InfiniteTimeSpan);
                int status;
                while (Wait4(pid, &status, 0, usage) == -1)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error != Interrupted)
                    {
                        throw new InvalidOperationException($"wait4 failed for {path}: errno {error}");
                    }
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                var exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F);
                var peakKibibytes = *(long*)(usage + MaxRssOffset);
                var cpu = Milliseconds((long*)usage) + Milliseconds((long*)(usage + 16));
                return new ChildRun(exitCode, elapsed.TotalMilliseconds, cpu, peakKibibytes / 1024.0);
            }
        }
        finally
        {
            FileActionsDestroy(actions);
            NativeMemory.Free(actions);
            Free(argv);
            Free(envp);
        }
    }

    private static double Milliseconds(long* timeval) => (timeval[0] * 1000.0) + (timeval[1] / 1000.0);

    private static IntPtr[] ToNativeArray(IReadOnlyList<string> values)
    {
        var array = new IntPtr[values.Count + 1]; // NULL-terminated
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
        }

        return array;
    }

    private static void Free(IntPtr[] array)
    {
        foreach (var pointer in array)
        {
            Marshal.FreeCoTaskMem(pointer);
        }
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed: error {result}");
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PosixSpawn(out int pid, string path, void* fileActions, void* attributes, IntPtr* argv, IntPtr* envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int FileActionsInit(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int FileActionsAddOpen(void* actions, int descriptor, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int FileActionsDestroy(void* actions);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "wait4", SetLastError = true)]
    private static partial int Wait4(int pid, int* status, int options, byte* usage);
}
