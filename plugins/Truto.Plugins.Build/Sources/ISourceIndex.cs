namespace Truto.Plugins.Build.Sources;

/// <summary>
/// What the build knows about its sources, in a form both deterministic extraction and the LLM agent's tools read:
/// an overview, every operation, one operation in detail, and text search.
/// </summary>
internal interface ISourceIndex
{
    /// <summary>A compact overview: title, servers, auth schemes, resource groups, operation count.</summary>
    string Overview();

    /// <summary>Every operation the sources describe.</summary>
    IReadOnlyList<SourceMethod> Methods { get; }

    /// <summary>One operation in full (parameters, request and response schemas, description), or null if unknown.</summary>
    string? ReadMethod(string id);

    /// <summary>The passages of the sources that best match <paramref name="query"/>, best first.</summary>
    IReadOnlyList<SourceSearchHit> Search(string query, int maxResults);
}

/// <summary>One operation of a source: a stable id, its HTTP method and path, a one-line summary.</summary>
internal sealed record SourceMethod(string Id, string HttpMethod, string Path, string? Summary);

/// <summary>A search result: where it came from and the matching text.</summary>
internal sealed record SourceSearchHit(string Id, string Snippet, double Score);
