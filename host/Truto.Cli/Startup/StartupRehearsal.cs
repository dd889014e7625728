using Truto.Cli.Diagnostics;

namespace Truto.Cli.Startup;

/// <summary>
/// Most of a short run's cost past the runtime's own start is first use: loading the types of the container,
/// Scrutor, CommandLineUtils and Newtonsoft, resolving their precompiled code, and JIT-compiling what ReadyToRun
/// leaves. That work is the same for every command, so while the main thread reads the plugin manifest and loads
/// the command's plugin, a second thread rehearses a whole host command (<see cref="TrutoHost.RehearseAsync"/>) and
/// the real run finds it done. On the 2-core test machine it took ~15 ms off a ~125 ms <c>truto profiles list</c>
/// while the second core was free, and less when other work kept it busy (the two threads also contend for the
/// runtime's loader locks). Only plugin commands are rehearsed: a host command does the same work at once, itself.
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
}
