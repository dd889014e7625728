using Truto.Plugins.Build.Sources;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>A source index over a handful of operations, standing in for the real one the build command uses.</summary>
internal sealed class InMemorySourceIndex : ISourceIndex
{
    private readonly Dictionary<string, string> _details;

    public InMemorySourceIndex(string overview, params (SourceMethod Method, string Detail)[] methods)
    {
        OverviewText = overview;
        Methods = methods.Select(m => m.Method).ToArray();
        _details = methods.ToDictionary(m => m.Method.Id, m => m.Detail);
    }

    public string OverviewText { get; }

    public Func<string, IReadOnlyList<SourceSearchHit>>? SearchOverride { get; init; }

    public IReadOnlyList<SourceMethod> Methods { get; }

    public string Overview() => OverviewText;

    public string? ReadMethod(string id) => _details.GetValueOrDefault(id);

    public IReadOnlyList<SourceSearchHit> Search(string query, int maxResults) =>
        SearchOverride?.Invoke(query) ?? _details
            .Where(d => d.Value.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Select(d => new SourceSearchHit(d.Key, d.Value, 1.0))
            .Take(maxResults)
            .ToArray();

    /// <summary>Acme CRM: contacts list and get, bearer auth.</summary>
    public static InMemorySourceIndex AcmeCrm() => new(
        "Acme CRM API v2. Server: https://{subdomain}.acme.test/api. Auth: bearer token. Groups: contacts.",
        (new SourceMethod("listContacts", "GET", "/contacts", "List contacts"), "GET /contacts\nQuery: cursor (string), limit (int)\nResponse: {data: Contact[], next_cursor}"),
        (new SourceMethod("getContact", "GET", "/contacts/{id}", "Get a contact"), "GET /contacts/{id}\nResponse: Contact"));
}
