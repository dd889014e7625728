namespace Truto.Plugins.Build.Crawl;

/// <summary>
/// Turns a documentation URL into markdown pages: through Firecrawl when the user has a key, else a plain HTTP GET
/// and a local HTML-to-markdown conversion. The build command owns flags and keys; this owns the fetching.
/// </summary>
internal interface IDocumentationFetcher
{
    Task<IReadOnlyList<DocumentationPage>> FetchAsync(Uri url, FetchOptions options, CancellationToken cancellationToken);
}

/// <summary>One documentation page as markdown.</summary>
internal sealed record DocumentationPage(Uri Url, string Title, string Markdown);

/// <param name="FirecrawlApiKey">The Firecrawl key (a secret), or null to fetch locally (also with <c>--no-firecrawl</c>).</param>
/// <param name="FirecrawlBaseUrl">The Firecrawl endpoint: <c>--firecrawl-api-url</c> &gt; <c>FIRECRAWL_API_URL</c> &gt; the public default.</param>
/// <param name="MaxPages">Pages to crawl at most: <c>--max-pages</c>.</param>
/// <param name="CacheDirectory">Where pages are cached (<c>~/.truto/cache/firecrawl</c>, 24 h), or null for no cache.</param>
internal sealed record FetchOptions(string? FirecrawlApiKey, Uri FirecrawlBaseUrl, int MaxPages, string? CacheDirectory)
{
    public override string ToString() => $"{(FirecrawlApiKey is null ? "local fetch" : "firecrawl")} at {FirecrawlBaseUrl}, {MaxPages} pages";
}
