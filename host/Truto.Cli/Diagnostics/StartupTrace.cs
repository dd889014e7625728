using System.Diagnostics;
using System.Text;

namespace Truto.Cli.Diagnostics;

/// <summary>
/// TRUTO_TRACE_STARTUP=1: milestones of a run, in milliseconds since the process started, with the number of
/// methods JIT-compiled so far, so a slow start-up (a heavy plugin, a cold cache) can be pinned down without a
/// profiler. Printed to stderr when the process exits: writing as it goes would time the console, not the run.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("TRUTO_TRACE_STARTUP") == "1";
    private static readonly StringBuilder Lines = new();
    private static TimeSpan _processAgeAtFirstMark;
    private static long _firstMark;

    public static void Mark(string milestone)
    {
        if (!Enabled)
        {
            return;
        }

        if (_firstMark == 0)
        {
            // Read once: it costs milliseconds, which would blur the later marks.
            using var process = Process.GetCurrentProcess();
            _processAgeAtFirstMark = DateTime.Now - process.StartTime;
            _firstMark = Stopwatch.GetTimestamp();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Error.Write(Lines.ToString());
        }

        var sinceStart = _processAgeAtFirstMark + Stopwatch.GetElapsedTime(_firstMark);
        Lines.Append($"[startup] {sinceStart.TotalMilliseconds,7:0.0} ms  {System.Runtime.JitInfo.GetCompiledMethodCount(),4} jitted {GC.CollectionCount(0),4} GCs {GC.GetTotalAllocatedBytes() / 1024,8} KiB allocated  {milestone}\n");
    }
}
