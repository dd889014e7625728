namespace Truto.Plugins.Build.Crawl;

/// <summary>
/// How the fetcher waits: crawl polling (the Firecrawl SDKs poll every 2 s) and retries of Firecrawl's 429/5xx.
/// The defaults suit real use; tests shorten them.
/// </summary>
/// <param name="PollInterval">The wait between crawl status polls.</param>
/// <param name="CrawlTimeout">How long a crawl may run before the fetch gives up.</param>
/// <param name="MaxRetries">Retries after the first attempt for 429 and 5xx.</param>
/// <param name="FirstRetryDelay">The first backoff when the answer names no wait; doubled per retry.</param>
/// <param name="MaxRetryDelay">The longest wait obeyed, also for a <c>Retry-After</c>; longer waits fail instead.</param>
/// <param name="RequestTimeout">One HTTP request's timeout.</param>
internal sealed record DocumentationFetcherSettings(
    TimeSpan PollInterval,
    TimeSpan CrawlTimeout,
    int MaxRetries,
    TimeSpan FirstRetryDelay,
    TimeSpan MaxRetryDelay,
    TimeSpan RequestTimeout)
{
    public static DocumentationFetcherSettings Default { get; } = new(
        PollInterval: TimeSpan.FromSeconds(2),
        CrawlTimeout: TimeSpan.FromMinutes(10),
        MaxRetries: 3,
        FirstRetryDelay: TimeSpan.FromSeconds(1),
        MaxRetryDelay: TimeSpan.FromSeconds(60),
        RequestTimeout: TimeSpan.FromSeconds(60));

    /// <summary>How long fetched pages stay in the cache.</summary>
    public static TimeSpan CacheTimeToLive { get; } = TimeSpan.FromHours(24);
}
