using System.Diagnostics;

namespace Truto.Cli.Diagnostics;

/// <summary>
/// TRUTO_TRACE_STARTUP=1: milestones of a run on stderr, in milliseconds since the process started, so a slow
/// start-up (a heavy plugin, a cold cache) can be pinned down without a profiler.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("TRUTO_TRACE_STARTUP") == "1";

    public static void Mark(string milestone)
    {
        if (Enabled)
        {
            using var process = Process.GetCurrentProcess();
            var sinceStart = DateTime.Now - process.StartTime;
            Console.Error.WriteLine($"[startup] {sinceStart.TotalMilliseconds,7:0.0} ms wall {process.TotalProcessorTime.TotalMilliseconds,7:0.0} ms cpu  {milestone}");
        }
    }
}
