using System.Globalization;
using System.Text;
using Truto.Benchmarks.Measuring;

namespace Truto.Benchmarks.Reporting;

/// <summary>
/// The figures as Markdown tables (so they paste straight into the README), each row with its target and PASS/FAIL,
/// then one overall line. Start-up rows compare medians of per-pair ratios; peaks are the highest of all runs.
/// </summary>
internal sealed class Report
{
    private readonly StringBuilder _text = new();
    private int _failures;

    public bool Passed => _failures == 0;

    public void Machine(IEnumerable<(string Name, string Value)> facts)
    {
        _text.AppendLine("## Machine").AppendLine();
        foreach (var (name, value) in facts)
        {
            _text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {value}");
        }

        _text.AppendLine();
    }

    public void Startup(IReadOnlyList<StartupResult> results, int runs)
    {
        _text.AppendLine(CultureInfo.InvariantCulture, $"## Start-up against a hello-world console app ({runs} runs each, medians)").AppendLine();
        _text.AppendLine("| case | truto ms | baseline ms | ratio | target | peak MiB | baseline MiB | target | result |");
        _text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var result in results)
        {
            StartupRow(result.Case.Name, result.NoPlugins, result.Baseline, result.Case.MaxRatio);
            StartupRow($"{result.Case.Name} (+{Targets.SyntheticPlugins} plugins)", result.FiftyPlugins, result.Baseline, result.Case.MaxRatio);
        }

        _text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Flat in plugin count: {Targets.SyntheticPlugins} extra plugins against none").AppendLine();
        _text.AppendLine("| case | none ms | +50 ms | ratio | target | result |");
        _text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var result in results)
        {
            var ratio = Statistics.MedianRatio(Wall(result.FiftyPlugins), Wall(result.NoPlugins));
            var pass = Count(ratio <= Targets.MaxPluginCountRatio);
            _text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Case.Name} | {Ms(Statistics.Median(Wall(result.NoPlugins)))} | {Ms(Statistics.Median(Wall(result.FiftyPlugins)))} | {ratio:0.00}x | ≤ {Targets.MaxPluginCountRatio:0.00}x | {Verdict(pass)} |");
        }

        _text.AppendLine();
    }

    public void Output(IReadOnlyList<OutputResult> results, int runs, bool quick)
    {
        _text.AppendLine(CultureInfo.InvariantCulture, $"## Output: `truto api-tokens list --all --limit 5000` from the emulator ({runs} run(s) each, medians)").AppendLine();
        if (quick)
        {
            _text.AppendLine(CultureInfo.InvariantCulture, $"--quick: lists a tenth of the size (indicative only; run without --quick for the figures).").AppendLine();
        }

        var (large, small) = results.Count > 0 ? (results[0].LargeCount, results[0].SmallCount) : (0, 0);
        _text.AppendLine(CultureInfo.InvariantCulture, $"| format | records | wall ms | records/s | target | truto CPU ms | peak MiB ({large:N0}) | peak MiB ({small:N0}) | growth | target | result |");
        _text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var result in results)
        {
            var wall = Statistics.Median(Wall(result.Large));
            var cpu = Statistics.Median(result.Large.Select(r => r.CpuMilliseconds));
            var rate = result.LargeCount / (wall / 1000);
            var smallPeak = Peak(result.Small);
            var largePeak = Peak(result.Large);
            var growth = largePeak / smallPeak;
            var pass = Count(rate >= Targets.MinRecordsPerSecond) & Count(double.IsNaN(growth) || growth <= Targets.MaxMemoryGrowth);
            _text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Format} | {result.LargeCount:N0} | {Ms(wall)} | {rate:N0} | ≥ {Targets.MinRecordsPerSecond:N0} | {Ms(cpu)} | {largePeak:0.0} | {smallPeak:0.0} | {growth:0.00}x | ≤ {Targets.MaxMemoryGrowth:0.0}x | {Verdict(pass)} |");
        }

        _text.AppendLine();
    }

    public void Note(string line) => _text.AppendLine(line);

    public override string ToString() =>
        _text.ToString() + $"OVERALL: {(Passed ? "PASS" : $"FAIL ({_failures} target{(_failures == 1 ? "" : "s")} missed)")}{Environment.NewLine}";

    private void StartupRow(string name, List<ChildRun> truto, List<ChildRun> baseline, double maxRatio)
    {
        var ratio = Statistics.MedianRatio(Wall(truto), Wall(baseline));
        var peak = Peak(truto);
        var pass = Count(ratio <= maxRatio) & Count(double.IsNaN(peak) || peak <= Targets.MaxPeakMebibytes);
        _text.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {Ms(Statistics.Median(Wall(truto)))} | {Ms(Statistics.Median(Wall(baseline)))} | {ratio:0.00}x | ≤ {maxRatio:0.0}x | {peak:0.0} | {Peak(baseline):0.0} | ≤ {Targets.MaxPeakMebibytes:0} | {Verdict(pass)} |");
    }

    /// <summary>Counts a missed target; true when met.</summary>
    private bool Count(bool met)
    {
        if (!met)
        {
            _failures++;
        }

        return met;
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static double[] Wall(List<ChildRun> runs) => runs.Select(r => r.WallMilliseconds).ToArray();

    /// <summary>The highest peak of the runs; NaN (shown as NaN, not counted) without GNU time to measure it.</summary>
    private static double Peak(List<ChildRun> runs) =>
        runs.Any(r => double.IsNaN(r.PeakMebibytes)) ? double.NaN : runs.Max(r => r.PeakMebibytes);
}
