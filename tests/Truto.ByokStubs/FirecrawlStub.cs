using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.ByokStubs;

/// <summary>
/// A loopback Firecrawl API (v2 and v1 paths): <c>POST scrape</c>, <c>POST map</c>, <c>POST crawl</c> and
/// <c>GET crawl/{id}</c> polling, over a set of pages the test adds. A crawl answers <c>scraping</c> for
/// <see cref="ScrapingPolls"/> polls, then <c>completed</c> with its pages (at most the request's <c>limit</c>),
/// paged by <see cref="CrawlPageSize"/> through <c>next</c>. Requests without <c>Authorization: Bearer</c> get 401;
/// queued errors answer the next requests in Firecrawl's shape <c>{"success":false,"error":…}</c>.
/// <code>
/// await using var firecrawl = await FirecrawlStub.StartAsync();
/// firecrawl.AddPage("https://docs.acme.test/api", "# Acme API", "Acme API");
/// </code>
/// </summary>
public sealed class FirecrawlStub : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, (string Markdown, string Title)> _pages = new();
    private readonly ConcurrentQueue<(int Status, string Message, string? RetryAfter)> _errors = new();
    private readonly ConcurrentDictionary<string, Crawl> _crawls = new();
    private readonly List<string> _order = [];

    private FirecrawlStub(LoopbackServer server) => _server = server;

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Every request received, in order (a snapshot).</summary>
    public IReadOnlyList<StubRequest> Requests => _server.Requests;

    /// <summary>How many polls of a crawl answer <c>scraping</c> before it completes (default 1).</summary>
    public int ScrapingPolls { get; set; } = 1;

    /// <summary>Documents per crawl status response; more follow through <c>next</c> (default: all in one).</summary>
    public int CrawlPageSize { get; set; } = int.MaxValue;

    /// <summary>When true, crawls end with status <c>failed</c>.</summary>
    public bool FailCrawls { get; set; }

    /// <summary>The only key accepted, or null to accept any Bearer token.</summary>
    public string? ExpectedKey { get; set; }

    /// <summary>Starts the stub on a free loopback port.</summary>
    public static async Task<FirecrawlStub> StartAsync()
    {
        FirecrawlStub? stub = null;
        var server = await LoopbackServer.StartAsync((context, request) => stub!.HandleAsync(context, request));
        stub = new FirecrawlStub(server);
        return stub;
    }

    /// <summary>Adds a page that scrape and crawl return (crawl returns pages in the order they were added).</summary>
    public FirecrawlStub AddPage(string url, string markdown, string title = "")
    {
        if (_pages.TryAdd(url, (markdown, title)))
        {
            lock (_order)
            {
                _order.Add(url);
            }
        }

        return this;
    }

    /// <summary>Answers the next request with this status and Firecrawl error message (optionally with Retry-After).</summary>
    public FirecrawlStub EnqueueError(int status, string message, string? retryAfter = null)
    {
        _errors.Enqueue((status, message, retryAfter));
        return this;
    }

    private async Task HandleAsync(HttpContext context, StubRequest request)
    {
        var auth = request.Header("authorization");
        if (auth is null || !auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 401, "Unauthorized");
            return;
        }

        if (ExpectedKey is not null && auth["Bearer ".Length..] != ExpectedKey)
        {
            await ErrorAsync(context, 401, "Unauthorized: Invalid token");
            return;
        }

        if (_errors.TryDequeue(out var error))
        {
            var headers = error.RetryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = error.RetryAfter };
            await ErrorAsync(context, error.Status, error.Message, headers);
            return;
        }

        var segments = request.Path.Trim('/').Split('/');
        var version = segments[0];
        var route = string.Join('/', segments.Skip(1));
        var body = request.Body.Length > 0 ? JObject.Parse(request.Body) : new JObject();
        switch (request.Method, route)
        {
            case ("POST", "scrape"):
                await ScrapeAsync(context, body);
                break;
            case ("POST", "map"):
                await MapAsync(context, version);
                break;
            case ("POST", "crawl"):
                await StartCrawlAsync(context, version, body);
                break;
            case ("GET", _) when route.StartsWith("crawl/", StringComparison.Ordinal):
                await CrawlStatusAsync(context, version, segments[^1], request.Query);
                break;
            default:
                await ErrorAsync(context, 404, $"FirecrawlStub does not serve {request.Method} {request.Path}");
                break;
        }
    }

    private Task ScrapeAsync(HttpContext context, JObject body)
    {
        var url = body["url"]?.ToString() ?? "";
        var data = Document(url);
        return Ok(context, new JObject { ["success"] = true, ["data"] = data });
    }

    private Task MapAsync(HttpContext context, string version)
    {
        var urls = Ordered();
        var links = version == "v1"
            ? new JArray(urls)
            : new JArray(urls.Select(u => new JObject { ["url"] = u, ["title"] = _pages[u].Title }));
        return Ok(context, new JObject { ["success"] = true, ["links"] = links });
    }

    private Task StartCrawlAsync(HttpContext context, string version, JObject body)
    {
        var id = Guid.NewGuid().ToString();
        var limit = body["limit"]?.Value<int>() ?? 10000;
        _crawls[id] = new Crawl(limit);
        return Ok(context, new JObject { ["success"] = true, ["id"] = id, ["url"] = new Uri(BaseUrl, $"{version}/crawl/{id}").ToString() });
    }

    private Task CrawlStatusAsync(HttpContext context, string version, string id, string query)
    {
        if (!_crawls.TryGetValue(id, out var crawl))
        {
            return ErrorAsync(context, 404, "Crawl job not found");
        }

        var polls = Interlocked.Increment(ref crawl.Polls);
        var all = Ordered().Take(crawl.Limit).ToArray();
        if (polls <= ScrapingPolls)
        {
            return Ok(context, new JObject { ["success"] = true, ["status"] = "scraping", ["total"] = all.Length, ["completed"] = 0, ["data"] = new JArray() });
        }

        if (FailCrawls)
        {
            return Ok(context, new JObject { ["success"] = true, ["status"] = "failed", ["total"] = all.Length, ["completed"] = 0, ["data"] = new JArray() });
        }

        var skip = 0;
        var skipParameter = System.Web.HttpUtility.ParseQueryString(query)["skip"];
        if (skipParameter is not null)
        {
            skip = int.Parse(skipParameter, System.Globalization.CultureInfo.InvariantCulture);
        }

        var page = all.Skip(skip).Take(CrawlPageSize).ToArray();
        var response = new JObject
        {
            ["success"] = true,
            ["status"] = "completed",
            ["total"] = all.Length,
            ["completed"] = all.Length,
            ["creditsUsed"] = all.Length,
            ["expiresAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
            ["data"] = new JArray(page.Select(Document)),
        };
        if (skip + page.Length < all.Length)
        {
            response["next"] = new Uri(BaseUrl, $"{version}/crawl/{id}?skip={skip + page.Length}").ToString();
        }

        return Ok(context, response);
    }

    private JObject Document(string url)
    {
        var found = _pages.TryGetValue(url, out var page);
        return new JObject
        {
            ["markdown"] = found ? page.Markdown : "",
            ["metadata"] = new JObject
            {
                ["title"] = found ? page.Title : "",
                ["sourceURL"] = url,
                ["url"] = url,
                ["statusCode"] = found ? 200 : 404,
            },
        };
    }

    private string[] Ordered()
    {
        lock (_order)
        {
            return _order.ToArray();
        }
    }

    private static Task Ok(HttpContext context, JObject body) => LoopbackServer.WriteJsonAsync(context, 200, body.ToString(Formatting.None));

    private static Task ErrorAsync(HttpContext context, int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        LoopbackServer.WriteJsonAsync(context, status, new JObject { ["success"] = false, ["error"] = message }.ToString(Formatting.None), headers);

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed class Crawl(int limit)
    {
        public int Limit { get; } = limit;

        public int Polls;
    }
}
