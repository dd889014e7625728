using Newtonsoft.Json;
using Truto.Plugins.Build.Caching;

namespace Truto.Plugins.Build.Crawl;

/// <summary>
/// Fetches documentation as markdown: with a Firecrawl key, a scrape (one page) or a crawl (more pages, up to
/// <see cref="FetchOptions.MaxPages"/>); without one, a plain GET converted locally. Results are cached for 24 h by
/// URL and mode (never by key), so a re-run of a build does not spend credits again.
/// </summary>
internal sealed class DocumentationFetcher : IDocumentationFetcher, IDisposable
{
    private readonly DocumentationFetcherSettings _settings;
    private readonly TimeProvider _time;
    private readonly Lazy<HttpClient> _http;

    public DocumentationFetcher(DocumentationFetcherSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _http = new Lazy<HttpClient>(() => new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = settings.RequestTimeout,
        });
    }

    public async Task<IReadOnlyList<DocumentationPage>> FetchAsync(Uri url, FetchOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPages, 1);
        var mode = options.FirecrawlApiKey is null ? "local" : options.MaxPages == 1 ? "firecrawl-scrape" : $"firecrawl-crawl-{options.MaxPages}";
        var cache = options.CacheDirectory is null ? null : new DiskCache(options.CacheDirectory, DocumentationFetcherSettings.CacheTimeToLive, _time);
        var key = DiskCache.KeyFor($"{mode}\n{url.AbsoluteUri}");
        if (cache?.TryRead(key) is { } cached && JsonConvert.DeserializeObject<List<DocumentationPage>>(cached) is { } hit)
        {
            return hit;
        }

        IReadOnlyList<DocumentationPage> pages;
        if (options.FirecrawlApiKey is null)
        {
            pages = [await new LocalPageFetcher(_http.Value).FetchAsync(url, cancellationToken)];
        }
        else
        {
            var firecrawl = new FirecrawlClient(_http.Value, options.FirecrawlBaseUrl, options.FirecrawlApiKey, _settings, _time);
            pages = options.MaxPages == 1
                ? [await firecrawl.ScrapeAsync(url, cancellationToken)]
                : await firecrawl.CrawlAsync(url, options.MaxPages, cancellationToken);
        }

        cache?.Write(key, JsonConvert.SerializeObject(pages));
        return pages;
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }
}
