using System.Collections;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Truto.Benchmarks;
using Truto.Benchmarks.Measuring;
using Truto.Benchmarks.Reporting;
using Truto.Benchmarks.Setup;

// The performance benchmark (issue 8): start-up against a hello-world app, flatness in plugin count, and output
// throughput and memory. Figures are reported with their targets, never asserted: the exit code is 0 unless the
// harness itself could not run (2 for a bad command line, 1 for anything else).
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

try
{
    Run(options);
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"benchmark harness failed: {e.Message}");
    return 1;
}
finally
{
    File.Delete(ChildRunner.PeakFile);
}

static void Run(BenchOptions options)
{
    var clock = Stopwatch.StartNew();
    void Step(string what) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {what}");

    var repoRoot = FindRepoRoot();
    var publisher = new Publisher(repoRoot);
    string trutoDirectory;
    if (options.TrutoDirectory is { } given)
    {
        trutoDirectory = given;
    }
    else
    {
        Step($"publishing truto (ReadyToRun, {Publisher.RuntimeIdentifier}) into artifacts/bench/truto");
        trutoDirectory = publisher.PublishTruto();
    }

    var truto = Path.Combine(trutoDirectory, "truto");
    if (!File.Exists(truto))
    {
        throw new InvalidOperationException($"no truto executable in {trutoDirectory}: publish one with build.cake's Publish target or leave out --truto");
    }

    Step("publishing the hello-world baseline");
    var baseline = publisher.PublishBaseline();
    Step("publishing the emulator");
    var emulatorDll = publisher.PublishEmulator();

    // Two config folders that differ only in the synthetic plugins under plugins/.
    var work = Path.Combine(publisher.BenchDirectory, "work");
    if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }

    var noPlugins = CreateConfig(Path.Combine(work, "config-none"));
    var fiftyPlugins = CreateConfig(Path.Combine(work, "config-fifty"));
    var scratch = Directory.CreateDirectory(Path.Combine(work, "scratch")).FullName;
    Step($"compiling {Targets.SyntheticPlugins} synthetic plugins");
    SyntheticPlugins.Generate(Path.Combine(fiftyPlugins, "plugins"), Targets.SyntheticPlugins, trutoDirectory);

    var bench = new Bench(truto, baseline, ChildEnvironment(noPlugins), ChildEnvironment(fiftyPlugins), scratch);
    var loaded = bench.LoadedSyntheticPlugins();
    if (loaded != Targets.SyntheticPlugins)
    {
        throw new InvalidOperationException($"only {loaded} of {Targets.SyntheticPlugins} synthetic plugins show as loaded in 'truto plugins list'");
    }

    var nice = Priority.Raise();
    var report = new Report();
    report.Machine(MachineFacts(trutoDirectory).Append(("nice value of the measured runs", nice.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    var startup = new List<StartupResult>();
    foreach (var startupCase in Targets.Startup)
    {
        Step($"{startupCase.Name}: {options.StartupRuns} runs each of baseline, truto, truto +{Targets.SyntheticPlugins} plugins");
        startup.Add(bench.RunStartup(startupCase, options.StartupRuns));
    }

    report.Startup(startup, options.StartupRuns);

    const string Token = "tk_bench_0000000000000000";
    var scale = options.Quick ? Targets.QuickScale : 1;
    var (largeCount, smallCount) = (Targets.LargeRecordCount / scale, Targets.SmallRecordCount / scale);
    Step($"starting emulators with {largeCount:N0} and {smallCount:N0} API tokens");
    using (var large = EmulatorProcess.Start(emulatorDll, Token, largeCount))
    using (var small = EmulatorProcess.Start(emulatorDll, Token, smallCount))
    {
        var output = new List<OutputResult>();
        foreach (var format in new[] { "ndjson", "csv" })
        {
            Step($"-o {format}: {options.OutputRuns} run(s) each of {largeCount:N0} and {smallCount:N0} records");
            output.Add(bench.RunOutput(format, large.BaseUrl, small.BaseUrl, Token, options.OutputRuns));
        }

        report.Output(output, options.OutputRuns, options.Quick);
    }

    Step("done");
    Console.WriteLine();
    Console.Write(report.ToString());
}

static string FindRepoRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "truto-host.sln")))
            {
                return folder.FullName;
            }
        }
    }

    throw new InvalidOperationException("run the benchmark from inside the truto-host repository (no truto-host.sln found above here)");
}

// A config folder (owner-only, as truto makes it) with one profile, so `profiles list` has something to show.
static string CreateConfig(string folder)
{
    Directory.CreateDirectory(folder);
    File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    var config = Path.Combine(folder, "config.json");
    File.WriteAllText(config, """
        {
          "activeProfile": "bench",
          "profiles": {
            "bench": { "apiUrl": "http://127.0.0.1:9", "token": "tk_bench_profile_000000000000" }
          }
        }
        """);
    File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    return folder;
}

// This process's environment less truto's own variables, with the config folder set; the baseline gets the same.
static Dictionary<string, string> ChildEnvironment(string configFolder)
{
    var environment = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
    {
        var name = (string)entry.Key;
        if (!name.StartsWith("TRUTO_", StringComparison.Ordinal))
        {
            environment[name] = entry.Value as string ?? "";
        }
    }

    environment["TRUTO_CONFIG_DIR"] = configFolder;
    return environment;
}

static IEnumerable<(string, string)> MachineFacts(string trutoDirectory)
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var plugins = Directory.GetDirectories(Path.Combine(trutoDirectory, "plugins"))
        .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".dll"))
        .Where(File.Exists)
        .ToArray();
    yield return ("cores", System.Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    yield return ("CPU", cpu ?? "unknown");
    yield return ("OS", RuntimeInformation.OSDescription);
    yield return ("load average at start", File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown");
    yield return ("peak memory", ChildRunner.MeasuresPeakMemory ? "GNU time's %M (maximum resident set)" : "not measured: install GNU time (/usr/bin/time)");
    yield return (".NET", $"{RuntimeInformation.FrameworkDescription} (SDK {Dotnet.Run(trutoDirectory, "--version").Trim()})");
    yield return ("truto", $"{trutoDirectory} (ReadyToRun: host {(Publisher.IsReadyToRun(Path.Combine(trutoDirectory, "truto.dll")) ? "yes" : "no")}, bundled plugins {plugins.Count(Publisher.IsReadyToRun)}/{plugins.Length})");
}
