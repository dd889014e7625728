namespace Truto.Benchmarks.Measuring;

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median of the per-pair ratios: each pair ran back to back, so drift in the machine cancels out.</summary>
    public static double MedianRatio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators) =>
        Median(numerators.Zip(denominators, (n, d) => n / d));
}
