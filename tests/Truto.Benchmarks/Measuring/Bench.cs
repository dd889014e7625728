using System.Text.Json;

namespace Truto.Benchmarks.Measuring;

/// <summary>
/// The measured runs. Start-up: each iteration runs the baseline, truto with no extra plugins and truto with the
/// synthetic plugins back to back, in an order that rotates, so neither side always runs first or after a cold
/// gap. Output: the large and the small list alternate. Start-up runs send stdout to /dev/null; output runs to a
/// file, counted after each run.
/// </summary>
internal sealed class Bench(
    string truto,
    string baseline,
    IReadOnlyDictionary<string, string> noPluginsEnvironment,
    IReadOnlyDictionary<string, string> fiftyPluginsEnvironment,
    string scratchDirectory)
{
    private string StderrPath => Path.Combine(scratchDirectory, "stderr.txt");

    public StartupResult RunStartup(StartupCase startup, int runs)
    {
        // Warm-up, untimed: fills the OS file cache and lets the host write any cache it keeps in the config folder.
        Checked(baseline, [], noPluginsEnvironment);
        Checked(truto, startup.Arguments, noPluginsEnvironment);
        Checked(truto, startup.Arguments, fiftyPluginsEnvironment);

        var result = new StartupResult(startup, [], [], []);
        var sides = new (List<ChildRun> Into, Func<ChildRun> Run)[]
        {
            (result.Baseline, () => Checked(baseline, [], noPluginsEnvironment)),
            (result.NoPlugins, () => Checked(truto, startup.Arguments, noPluginsEnvironment)),
            (result.FiftyPlugins, () => Checked(truto, startup.Arguments, fiftyPluginsEnvironment)),
        };
        for (var i = 0; i < runs; i++)
        {
            for (var j = 0; j < sides.Length; j++)
            {
                var side = sides[(i + j) % sides.Length];
                side.Into.Add(side.Run());
            }
        }

        return result;
    }

    /// <summary>
    /// Streams the large and the small list alternately. stdout goes to a file whose lines are counted after each
    /// run, so every run is checked to have printed the whole list (the emulator adds a few tokens of its own to
    /// the seeded ones, so the count is read from the first ndjson run, not assumed).
    /// </summary>
    public OutputResult RunOutput(string format, string largeUrl, string smallUrl, string token, int runs)
    {
        // --limit 5000, the emulator's largest page: the targets are about truto's streaming, not round trips (the
        // default 25 per page would make 4,000 requests for 100k records).
        string[] Arguments(string url) => ["api-tokens", "list", "--all", "--limit", "5000", "-o", format, "--api-url", url, "--token", token];
        var file = Path.Combine(scratchDirectory, $"records.{format}");
        var header = format == "csv" ? 1 : 0;
        var counts = new Dictionary<string, long>();

        ChildRun Measured(string url)
        {
            var run = Checked(truto, Arguments(url), noPluginsEnvironment, file);
            var records = CountLines(file) - header;
            File.Delete(file);
            if (!counts.TryAdd(url, records) && counts[url] != records)
            {
                throw new InvalidOperationException($"-o {format} printed {records} records, an earlier run of the same list {counts[url]}");
            }

            return run;
        }

        var result = new OutputResult(format, [], []);
        // Untimed warm-ups of both emulators, as a real API server is warm: each is a fresh process, and a cold one
        // serves its first pages four times slower while its code is compiled and tiered up, which measured the
        // emulator rather than truto (the first format timed was ~50 ms slower than the second).
        for (var i = 0; i < 3; i++)
        {
            Measured(largeUrl);
        }

        Measured(smallUrl);
        for (var i = 0; i < runs; i++)
        {
            result.Large.Add(Measured(largeUrl));
            result.Small.Add(Measured(smallUrl));
        }

        return result with { LargeCount = counts[largeUrl], SmallCount = counts[smallUrl] };
    }

    /// <summary>How many of truto's plugins are synthetic ones that loaded, from <c>plugins list -o json</c>.</summary>
    public int LoadedSyntheticPlugins()
    {
        var file = Path.Combine(scratchDirectory, "plugins.json");
        Checked(truto, ["plugins", "list", "-o", "json"], fiftyPluginsEnvironment, file);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.EnumerateArray().Count(plugin =>
            plugin.GetProperty("path").GetString()?.Contains("Truto.Bench.Synth", StringComparison.Ordinal) == true
            && plugin.GetProperty("status").GetString() == "loaded");
    }

    private ChildRun Checked(string program, string[] arguments, IReadOnlyDictionary<string, string> environment, string stdout = "/dev/null")
    {
        var run = ChildRunner.Run(program, arguments, environment, stdout, StderrPath);
        if (run.ExitCode != 0)
        {
            var stderr = File.Exists(StderrPath) ? File.ReadAllText(StderrPath).Trim() : "";
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {run.ExitCode}: {stderr}");
        }

        return run;
    }

    private static long CountLines(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}
