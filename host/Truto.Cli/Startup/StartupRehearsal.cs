using System.Globalization;
using Truto.Cli.Diagnostics;

namespace Truto.Cli.Startup;

/// <summary>
/// Most of a short run's cost past the runtime's own start is first use: loading the types of the container,
/// Scrutor, CommandLineUtils and Newtonsoft, resolving their precompiled code, and JIT-compiling what ReadyToRun
/// leaves. That work is the same for every command, so while the main thread reads the plugin manifest and loads
/// the command's plugin, a second thread rehearses a whole host command (<see cref="TrutoHost.RehearseAsync"/>) and
/// the real run finds it done. On the 2-core test machine it takes ~13 ms off a ~130 ms <c>truto profiles list</c>
/// while the second core is free, and adds time when other work holds it (the two threads also contend for the
/// runtime's loader locks), so it runs only when a core is free. Only plugin commands are rehearsed: a host
/// command does the same work at once, itself.
/// Nothing it does is seen: its output is discarded, it touches no file, and a failure in it is ignored.
/// </summary>
internal static class StartupRehearsal
{
    public static void Begin(HostSettings settings)
    {
        if (settings.GetEnvironment("TRUTO_NO_REHEARSAL") == "1")
        {
            return; // to measure what it saves
        }

        if (!CoreToSpare(ReadLoadAverage(), Environment.ProcessorCount))
        {
            return; // it would compete with the run it is meant to help
        }

        var thread = new Thread(() =>
        {
            StartupTrace.Mute();
            try
            {
                TrutoHost.RehearseAsync(settings).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // A rehearsal that fails costs the real run nothing: it compiles what it needs itself.
            }
        })
        {
            IsBackground = true,
            Name = "start-up rehearsal",
        };
        thread.Start();
        StartupTrace.Mark("rehearsal started");
    }

    /// <summary>
    /// Whether a core is free for the rehearsal at this instant. The fourth field of /proc/loadavg ("2/311") counts
    /// the tasks running or ready to run, this thread among them; when they fill every core, the rehearsal competes
    /// with the run it is meant to help (profiles list beside a busy loop: 172.1 ms with it, 163.8 ms without, while
    /// on an idle machine it saves ~13 ms). Without /proc/loadavg, a core is taken to be free.
    /// </summary>
    internal static bool CoreToSpare(string? loadAverage, int processorCount)
    {
        // "0.52 0.58 0.59 2/311 12345": the averages, running/existing tasks, the newest process id.
        var fields = loadAverage?.Split(' ', '/');
        return fields is { Length: >= 5 } && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var running)
            ? running < processorCount
            : processorCount > 1;
    }

    private static string? ReadLoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
