using System.Globalization;
using System.Reflection;
using Truto.Cli.Diagnostics;

namespace Truto.Cli.Startup;

/// <summary>
/// A plugin command's second thread. It first makes the Ctrl+C registration (<see cref="Terminal.CtrlC"/>), ~1.5 ms
/// the main thread no longer waits for. Then, when a core is free, it warms the runtime's type-name parser, which is
/// slow the first time a process uses it: it builds and first runs its vectorised <c>SearchValues</c>, ~9 ms on the
/// 2-core test machine (14 ms in a bare hello-world). A plugin command needs it early, to read
/// <c>[assembly: TrutoPlugin(typeof(...))]</c> and its group's <c>[Subcommand(typeof(...))]</c>, so the thread parses
/// one name while the main thread reads the plugin manifest and loads the plugin, and the main thread finds the
/// parser ready. Last it loads the JSON assemblies every plugin command uses.
/// </summary>
/// <remarks>
/// It replaced a rehearsal of a whole host command (container, command tree, output, config) on that thread, which
/// took as much wall time off and cost ~40 ms more CPU: once the parser is warm, the rest of the first-use work only
/// moved between threads that contend for the runtime's loader locks. Only plugin commands start it: a host command
/// builds its tree at once, before a second thread would be done.
/// </remarks>
internal static class StartupWarmUp
{
    /// <summary>
    /// Starts the thread, which runs <paramref name="first"/> and then the warm-up if a core is free; false (and no
    /// thread) when TRUTO_NO_WARMUP=1, so the caller runs <paramref name="first"/> itself.
    /// </summary>
    public static bool Begin(HostSettings settings, Action first)
    {
        if (settings.GetEnvironment("TRUTO_NO_WARMUP") == "1")
        {
            return false; // to measure what it saves
        }

        // Without a free core the warm-up would compete with the run it is meant to help; the registration is due anyway.
        var warm = CoreToSpare(ReadLoadAverage(), Environment.ProcessorCount);
        new Thread(() =>
        {
            try
            {
                first();
                if (warm)
                {
                    WarmTypeNameParser();
                    LoadJsonAssemblies();
                }
            }
            catch (Exception)
            {
                // Nothing is lost: the main thread warms what it needs when it needs it, and a Ctrl+C with no
                // handler ends the process as it would any program.
            }
        })
        {
            IsBackground = true,
            Name = "start-up",
        }.Start();
        StartupTrace.Mark("start-up thread started");
        return true;
    }

    /// <summary>Parses a type name, as reading an attribute's <c>typeof(...)</c> argument does.</summary>
    internal static Type? WarmTypeNameParser() => typeof(StartupWarmUp).Assembly.GetType("Truto.Cli.Startup.StartupWarmUp");

    /// <summary>
    /// Newtonsoft.Json, for config.json and every command's records, and the framework assemblies JObject's interfaces
    /// live in (IDynamicMetaObjectProvider, ICustomTypeDescriptor, INotifyCollectionChanged), which the main thread
    /// would otherwise map one by one on entering the command (~4 ms). Only loaded, not used: loading an assembly
    /// barely contends with the main thread, where using its types does (a config parse here made runs slower).
    /// ~2.5 ms off <c>profiles list</c> (200 alternating runs), no more CPU.
    /// </summary>
    internal static IReadOnlyList<Assembly> LoadJsonAssemblies() =>
        JsonAssemblies.Select(Assembly.Load).ToArray();

    internal static readonly string[] JsonAssemblies =
        ["Newtonsoft.Json", "System.Linq.Expressions", "System.ComponentModel.TypeConverter", "System.ObjectModel"];

    /// <summary>
    /// Whether a core is free for the warm-up at this instant. The fourth field of /proc/loadavg ("2/311") counts the
    /// tasks running or ready to run, this thread among them; when they fill every core, the warm-up would compete
    /// with the run it is meant to help. Without /proc/loadavg, a core is taken to be free.
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
