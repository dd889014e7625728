using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Truto.Benchmarks.Measuring;

/// <summary>One finished child: its exit code, wall time from spawn to reap, CPU time (user + system) and peak resident memory.</summary>
internal readonly record struct ChildRun(int ExitCode, double WallMilliseconds, double CpuMilliseconds, double PeakMebibytes);

/// <summary>
/// Runs a program the same way for both sides of a comparison: posix_spawn(3) with stdin from /dev/null and stdout
/// to /dev/null (or a file), then wait4(2) for the exit, the wall time and the CPU time. System.Diagnostics.Process
/// is not used: its pipes, threads and SIGCHLD bookkeeping would add time that is not the child's.
/// Peak memory comes from GNU time (/usr/bin/time -f %M) wrapped around the child, not from wait4's ru_maxrss:
/// glibc's posix_spawn runs the child in the parent's address space until exec, and Linux carries that space's
/// high-water mark into the child's ru_maxrss, so it would report the harness's own size. GNU time forks, so its
/// child starts from time's few hundred KiB. Both sides pay the same ~1 ms for the extra exec.
/// </summary>
internal static unsafe partial class ChildRunner
{
    private const int ReadOnly = 0x0;         // O_RDONLY
    private const int WriteCreateTruncate = 0x1 | 0x40 | 0x200; // O_WRONLY | O_CREAT | O_TRUNC
    private const int Interrupted = 4;        // EINTR
    private const int TimevalSize = 16;       // struct rusage starts with ru_utime and ru_stime
    private const int KillSignal = 9;
    private const int RusageSize = 144;
    private const int FileActionsSize = 256;  // posix_spawn_file_actions_t is 80 bytes on glibc x64; room to spare

    private const string PeakMeter = "/usr/bin/time";

    /// <summary>Whether peak memory can be measured (GNU time is installed); NaN peaks otherwise.</summary>
    public static bool MeasuresPeakMemory { get; } = File.Exists(PeakMeter);

    /// <summary>Where GNU time writes the peak; the program deletes it when done.</summary>
    public static string PeakFile { get; } = Path.Combine(Path.GetTempPath(), $"truto-bench-{Environment.ProcessId}.peak");

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
        string[] command = MeasuresPeakMemory ? [PeakMeter, "-f", "%M", "-o", PeakFile, path, .. arguments] : [path, .. arguments];
        var argv = ToNativeArray(command);
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
                Check(PosixSpawn(out var pid, command[0], actions, null, argvPointer, envpPointer), $"posix_spawn {command[0]}");
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
                var cpu = Milliseconds((long*)usage) + Milliseconds((long*)(usage + TimevalSize));
                return new ChildRun(exitCode, elapsed.TotalMilliseconds, cpu, PeakMebibytes());
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

    /// <summary>GNU time's last line is %M, the peak in KiB (a line before it says if the child was killed).</summary>
    private static double PeakMebibytes()
    {
        if (!MeasuresPeakMemory)
        {
            return double.NaN;
        }

        var last = File.ReadAllLines(PeakFile).LastOrDefault(l => l.Length > 0);
        return long.TryParse(last, System.Globalization.CultureInfo.InvariantCulture, out var kibibytes) ? kibibytes / 1024.0 : double.NaN;
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
