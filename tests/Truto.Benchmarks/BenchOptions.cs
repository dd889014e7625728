using System.Globalization;

namespace Truto.Benchmarks;

/// <summary>The harness's command line: <c>[--truto &lt;dir&gt;] [--runs N] [--quick]</c>.</summary>
internal sealed record BenchOptions
{
    public const string Usage = "usage: Truto.Benchmarks [--truto <dir of a published truto>] [--runs N] [--quick]";

    /// <summary>A published truto to measure; null: publish one (ReadyToRun) into artifacts/bench/truto.</summary>
    public string? TrutoDirectory { get; init; }

    /// <summary>Runs of each side per start-up case: a median of 30 moves less with a passing burst of other work than one of 20.</summary>
    public int StartupRuns { get; init; } = 30;

    /// <summary>Timed runs per output format and size (after untimed warm-ups of the emulators); 9 for the same reason.</summary>
    public int OutputRuns { get; init; } = 9;

    public bool Quick { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        int? runs = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--truto" when i + 1 < args.Length:
                    options = options with { TrutoDirectory = Path.GetFullPath(args[++i]) };
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case "--quick":
                    options = options with { Quick = true, StartupRuns = 7, OutputRuns = 1 };
                    break;
                default:
                    throw new ArgumentException($"unexpected argument '{args[i]}'{Environment.NewLine}{Usage}");
            }
        }

        return runs is { } r ? options with { StartupRuns = r, OutputRuns = Math.Max(1, r / 4) } : options;
    }
}
