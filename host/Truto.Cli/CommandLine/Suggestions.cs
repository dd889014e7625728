namespace Truto.Cli.CommandLine;

/// <summary>"Did you mean" candidates: names within a small edit distance, or sharing a prefix.</summary>
internal static class Suggestions
{
    public static IReadOnlyList<string> For(string typed, IEnumerable<string> known) =>
        known
            .Distinct(StringComparer.Ordinal)
            .Select(name => (name, distance: Distance(typed, name)))
            .Where(x => x.distance <= Math.Max(2, typed.Length / 3) || x.name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.distance)
            .ThenBy(x => x.name, StringComparer.Ordinal)
            .Select(x => x.name)
            .Take(3)
            .ToArray();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
