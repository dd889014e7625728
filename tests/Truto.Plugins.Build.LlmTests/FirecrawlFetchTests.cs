using Newtonsoft.Json.Linq;
using Truto.ByokStubs;
using Truto.Cli.Sdk.Errors;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>Fetching documentation through Firecrawl: scrape, crawl with polling and paging, errors, cache.</summary>
public sealed class FirecrawlFetchTests
{
    private static readonly Uri Docs = new("https://docs.acme.test/api");

    [Fact]
    public async Task Scrapes_one_page_with_the_key_as_a_bearer_token()
    {
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.AddPage(Docs.AbsoluteUri, "# Acme API\n\nRate limit: 100/min.", "Acme API");

        var pages = await harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl, maxPages: 1), CancellationToken.None);

        pages.Single().ShouldBe(new Truto.Plugins.Build.Crawl.DocumentationPage(Docs, "Acme API", "# Acme API\n\nRate limit: 100/min."));
        var request = firecrawl.Requests.Single();
        (request.Method, request.Path).ShouldBe(("POST", "/v2/scrape"));
        request.Header("authorization").ShouldBe($"Bearer {Fixtures.FirecrawlKey}");
        var body = JObject.Parse(request.Body);
        body["url"]!.ToString().ShouldBe(Docs.AbsoluteUri);
        body["formats"]!.ToObject<string[]>().ShouldBe(["markdown"]);
    }

    [Fact]
    public async Task Crawls_polls_until_completed_follows_next_pages_and_stops_at_max_pages()
    {
        // Given a site of five pages, a crawl that scrapes for two polls, and results two documents per page
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.ScrapingPolls = 2;
        firecrawl.CrawlPageSize = 2;
        for (var i = 1; i <= 5; i++)
        {
            firecrawl.AddPage($"https://docs.acme.test/api/page{i}", $"# Page {i}", $"Page {i}");
        }

        // When fetching at most three pages
        var pages = await harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl, maxPages: 3), CancellationToken.None);

        // Then the crawl was limited to three, polled to completion, and paged through next
        pages.Select(p => p.Title).ShouldBe(["Page 1", "Page 2", "Page 3"]);
        var requests = firecrawl.Requests;
        (requests[0].Method, requests[0].Path).ShouldBe(("POST", "/v2/crawl"));
        JObject.Parse(requests[0].Body)["limit"]!.Value<int>().ShouldBe(3);
        requests.Skip(1).ShouldAllBe(r => r.Method == "GET" && r.Path.StartsWith("/v2/crawl/"));
        requests.Count.ShouldBe(5); // start, scraping, scraping, completed (2 documents), next page (1 document)
        requests[^1].Query.ShouldBe("?skip=2");
        requests.ShouldAllBe(r => r.Header("authorization") == $"Bearer {Fixtures.FirecrawlKey}");
    }

    [Fact]
    public async Task A_failed_crawl_says_so()
    {
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.FailCrawls = true;

        var error = await Should.ThrowAsync<CliException>(() => harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl, maxPages: 10), CancellationToken.None));

        error.Message.ShouldStartWith($"The Firecrawl crawl of {Docs} ended 'failed'");
        error.Hint.ShouldNotBeNull().ShouldContain("--no-firecrawl");
    }

    [Theory]
    [InlineData(401, "Unauthorized: Invalid token", "Firecrawl rejected the API key (HTTP 401: Unauthorized: Invalid token).", "--firecrawl-api-key")]
    [InlineData(402, "Insufficient credits to perform this request.", "Firecrawl has no credits left for this key (HTTP 402: Insufficient credits to perform this request.).", "Add credits")]
    [InlineData(400, "Bad Request: url is invalid", "Firecrawl refused the scrape request (HTTP 400: Bad Request: url is invalid).", "Check the documentation URL")]
    public async Task Firecrawl_errors_become_messages_that_say_what_to_do_without_the_key(int status, string serverMessage, string expected, string hint)
    {
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.EnqueueError(status, serverMessage);

        var error = await Should.ThrowAsync<CliException>(() => harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl), CancellationToken.None));

        error.Message.ShouldBe(expected);
        error.Hint.ShouldNotBeNull().ShouldContain(hint);
        error.ToString().ShouldNotContain(Fixtures.FirecrawlKey);
        firecrawl.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_server_message_that_echoes_the_key_is_masked()
    {
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.EnqueueError(401, $"Unauthorized: token {Fixtures.FirecrawlKey} is unknown");

        var error = await Should.ThrowAsync<CliException>(() => harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl), CancellationToken.None));

        error.Message.ShouldNotContain(Fixtures.FirecrawlKey);
        error.Message.ShouldContain("fc-…4d2");
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried_honouring_retry_after()
    {
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.AddPage(Docs.AbsoluteUri, "# Acme", "Acme");
        firecrawl.EnqueueError(429, "Rate limit exceeded. Consumed (req/min): 11, please retry after 0s", retryAfter: "0");
        firecrawl.EnqueueError(502, "Bad gateway");

        var pages = await harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl), CancellationToken.None);

        pages.Single().Title.ShouldBe("Acme");
        firecrawl.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_rate_limit_that_persists_is_reported_after_the_retries()
    {
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            firecrawl.EnqueueError(429, "Rate limit exceeded", retryAfter: "0");
        }

        var error = await Should.ThrowAsync<CliException>(() => harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl), CancellationToken.None));

        error.Message.ShouldBe("Firecrawl is rate limiting this key (HTTP 429: Rate limit exceeded).");
        firecrawl.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_cached_fetch_makes_no_request_and_the_cache_is_keyed_by_url_and_mode_not_key()
    {
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.AddPage(Docs.AbsoluteUri, "# Acme", "Acme");
        await harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl, cache: true), CancellationToken.None);

        var again = await harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl, cache: true) with { FirecrawlApiKey = "fc-another-key-000000" }, CancellationToken.None);

        again.Single().Markdown.ShouldBe("# Acme");
        firecrawl.Requests.Count.ShouldBe(1);
        Directory.GetFiles(harness.CacheDirectory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_cache_entry_older_than_a_day_is_fetched_again()
    {
        using var harness = new FetcherHarness();
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.AddPage(Docs.AbsoluteUri, "# Acme", "Acme");
        await harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl, cache: true), CancellationToken.None);
        foreach (var file in Directory.GetFiles(harness.CacheDirectory))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-25));
        }

        await harness.Fetcher.FetchAsync(Docs, harness.Firecrawl(firecrawl.BaseUrl, cache: true), CancellationToken.None);

        firecrawl.Requests.Count.ShouldBe(2);
    }
}
