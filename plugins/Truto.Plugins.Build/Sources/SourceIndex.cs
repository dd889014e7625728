using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Sources;

/// <summary>
/// <see cref="ISourceIndex"/> over the loaded sources: operations by id, doc pages split into passages, and a
/// simple term-frequency search (each query term counted in a passage, rarer terms weigh more, titles double).
/// </summary>
internal sealed partial class SourceIndex : ISourceIndex
{
    private readonly IReadOnlyList<ApiDescription> _sources;
    private readonly Dictionary<string, ApiOperation> _operations = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Title, string Text)> _passages = [];

    public SourceIndex(IReadOnlyList<ApiDescription> sources)
    {
        _sources = sources;
        var methods = new List<SourceMethod>();
        foreach (var operation in sources.SelectMany(s => s.Operations))
        {
            var id = operation.Id;
            for (var n = 2; _operations.ContainsKey(id); n++)
            {
                id = $"{operation.Id} #{n}"; // ids stay unique when two sources describe the same operation
            }

            _operations[id] = operation;
            methods.Add(new SourceMethod(id, operation.Method.ToUpperInvariant(), operation.Path, operation.Summary));
            _passages.Add((id, $"{operation.Method.ToUpperInvariant()} {operation.Path} {operation.Summary}", Describe(operation)));
        }

        Methods = methods;
        foreach (var page in sources.SelectMany(s => s.Pages))
        {
            var chunk = 0;
            foreach (var passage in Split(page.Text))
            {
                _passages.Add(($"{page.Origin}#{++chunk}", page.Title, passage));
            }
        }
    }

    public IReadOnlyList<SourceMethod> Methods { get; }

    public string Overview()
    {
        var text = new StringBuilder();
        foreach (var source in _sources.OrderBy(s => s.Kind))
        {
            text.Append($"Source: {source.Origin} ({source.Format})\n");
            if (source.Title is not null)
            {
                text.Append($"Title: {source.Title}\n");
            }

            foreach (var server in source.Servers)
            {
                text.Append($"Server: {server.Url}{(server.Variables.Count > 0 ? " variables: " + string.Join(", ", server.Variables.Keys) : "")}\n");
            }

            foreach (var scheme in source.AuthSchemes)
            {
                text.Append($"Auth: {scheme.Id} {scheme.Type} {scheme.Scheme} {scheme.In} {scheme.Name}".TrimEnd()).Append(scheme.ValuePrefix is null ? "" : $" value prefix '{scheme.ValuePrefix}'").Append('\n');
            }

            if (source.Operations.Count > 0)
            {
                var groups = source.Operations
                    .GroupBy(o => o.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !s.StartsWith('{') && !VersionPattern().IsMatch(s)) ?? "/")
                    .Select(g => $"{g.Key} ({g.Count()})");
                text.Append($"Operations: {source.Operations.Count}; groups: {string.Join(", ", groups)}\n");
            }

            foreach (var page in source.Pages)
            {
                text.Append($"Page: {page.Title} ({page.Origin}, {page.Text.Length} chars)\n");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    public string? ReadMethod(string id) => _operations.TryGetValue(id, out var operation) ? Describe(operation) : null;

    public IReadOnlyList<SourceSearchHit> Search(string query, int maxResults)
    {
        var terms = Terms(query).Distinct().ToList();
        if (terms.Count == 0 || maxResults <= 0)
        {
            return [];
        }

        // Rarer terms weigh more (a plain inverse document frequency).
        var weights = terms.ToDictionary(t => t, t => Math.Log(1 + _passages.Count / (1.0 + _passages.Count(p => p.Text.Contains(t, StringComparison.OrdinalIgnoreCase)))));
        return _passages
            .Select(p =>
            {
                var words = Terms(p.Text).ToList();
                var title = Terms(p.Title).ToHashSet();
                var score = terms.Sum(t => weights[t] * (words.Count(w => w == t) / Math.Sqrt(1 + words.Count) + (title.Contains(t) ? 1 : 0)));
                return new SourceSearchHit(p.Id, Snippet(p.Text, terms), Math.Round(score, 4));
            })
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .Take(maxResults)
            .ToList();
    }

    private static string Describe(ApiOperation operation)
    {
        var text = new StringBuilder();
        text.Append($"{operation.Method.ToUpperInvariant()} {operation.Path}\n");
        if (operation.ServerOverride is not null)
        {
            text.Append($"Server: {operation.ServerOverride}\n");
        }

        if (operation.Summary is not null)
        {
            text.Append($"Summary: {operation.Summary}\n");
        }

        if (operation.Description is not null)
        {
            text.Append($"Description: {operation.Description}\n");
        }

        foreach (var parameter in operation.Parameters)
        {
            text.Append($"Parameter: {parameter.Name} in {parameter.In}{(parameter.Required ? ", required" : "")}{(parameter.Schema?["type"] is { } type ? $", {type}" : "")}{(parameter.Description is null ? "" : " - " + parameter.Description)}\n");
        }

        if (operation.RequestBody is not null)
        {
            text.Append("Request body schema: ").Append(Compact(operation.RequestBody)).Append('\n');
        }

        if (operation.ResponseBody is not null)
        {
            text.Append("Response schema: ").Append(Compact(operation.ResponseBody)).Append('\n');
        }

        if (operation.ResponseHeaders.Count > 0)
        {
            text.Append($"Response headers: {string.Join(", ", operation.ResponseHeaders)}\n");
        }

        if (operation.ErrorStatuses.Count > 0)
        {
            text.Append($"Error statuses: {string.Join(", ", operation.ErrorStatuses)}\n");
        }

        return text.ToString();
    }

    private static string Compact(JObject schema)
    {
        var json = schema.ToString(Newtonsoft.Json.Formatting.None);
        return json.Length > 6000 ? json[..6000] + "…" : json;
    }

    /// <summary>Passages of about 1,500 characters, split at blank lines.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var current = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n"))
        {
            if (current.Length > 0 && current.Length + paragraph.Length > 1500)
            {
                yield return current.ToString().Trim();
                current.Clear();
            }

            current.Append(paragraph).Append("\n\n");
        }

        if (current.ToString().Trim().Length > 0)
        {
            yield return current.ToString().Trim();
        }
    }

    private static IEnumerable<string> Terms(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 1);

    private static string Snippet(string text, IReadOnlyList<string> terms)
    {
        var at = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - 80);
        var snippet = text.Substring(start, Math.Min(300, text.Length - start)).Replace('\n', ' ');
        return (start > 0 ? "…" : "") + snippet + (start + 300 < text.Length ? "…" : "");
    }

    [GeneratedRegex("[a-z0-9_]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^v\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();
}
