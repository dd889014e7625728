using Truto.Plugins.Build.Crawl;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>A fetcher with millisecond polling and retries, and a temp cache folder per test.</summary>
internal sealed class FetcherHarness : IDisposable
{
    public static readonly DocumentationFetcherSettings Fast = DocumentationFetcherSettings.Default with
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        FirstRetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        CrawlTimeout = TimeSpan.FromSeconds(10),
    };

    public FetcherHarness()
    {
        TempDirectory = Path.Combine(Path.GetTempPath(), "truto-fetch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(TempDirectory);
        Fetcher = new DocumentationFetcher(Fast, TimeProvider.System);
    }

    public string TempDirectory { get; }

    public string CacheDirectory => Path.Combine(TempDirectory, "cache", "firecrawl");

    public DocumentationFetcher Fetcher { get; }

    public FetchOptions Firecrawl(Uri baseUrl, int maxPages = 1, bool cache = false) =>
        new(Fixtures.FirecrawlKey, baseUrl, maxPages, cache ? CacheDirectory : null);

    public FetchOptions Local(bool cache = false) => new(null, new Uri("http://127.0.0.1:9/"), 200, cache ? CacheDirectory : null);

    public void Dispose()
    {
        Fetcher.Dispose();
        SecretScan.AssertNoFileContains(TempDirectory, Fixtures.FirecrawlKey);
        Directory.Delete(TempDirectory, recursive: true);
    }
}
