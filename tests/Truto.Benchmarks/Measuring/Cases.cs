namespace Truto.Benchmarks.Measuring;

/// <summary>A start-up case: truto's arguments, and the most it may take against the hello-world baseline.</summary>
internal sealed record StartupCase(string Name, string[] Arguments, double MaxRatio);

/// <summary>A start-up case measured with no extra plugins and with the synthetic ones, each beside the baseline.</summary>
internal sealed record StartupResult(StartupCase Case, List<ChildRun> Baseline, List<ChildRun> NoPlugins, List<ChildRun> FiftyPlugins);

/// <summary>One output format streamed at two sizes, for throughput and for memory growth.</summary>
internal sealed record OutputResult(string Format, List<ChildRun> Large, List<ChildRun> Small)
{
    public long LargeCount { get; init; }

    public long SmallCount { get; init; }
}

/// <summary>The targets, in one place.</summary>
internal static class Targets
{
    public const double MaxPeakMebibytes = 45;
    public const double MaxPluginCountRatio = 1.10;
    public const double MinRecordsPerSecond = 200_000;
    public const double MaxMemoryGrowth = 1.2;
    public const int SyntheticPlugins = 50;
    public const int LargeRecordCount = 100_000;
    public const int SmallRecordCount = 10_000;

    /// <summary>--quick streams a tenth as much: indicative only, the emulator is slow on large lists.</summary>
    public const int QuickScale = 10;

    public static readonly StartupCase[] Startup =
    [
        new("truto --version", ["--version"], 1.3),
        new("truto --help", ["--help"], 2.0),
        new("truto plugins list", ["plugins", "list"], 2.0),
        new("truto profiles list", ["profiles", "list"], 2.0),
    ];
}
