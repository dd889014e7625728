using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Plugins.Build.Crawl;

/// <summary>
/// The few Firecrawl v2 calls the build needs, over plain HttpClient (no Firecrawl .NET client is served):
/// <c>POST /v2/scrape</c>, and <c>POST /v2/crawl</c> then <c>GET /v2/crawl/{id}</c> polled until it completes and
/// followed through <c>next</c> pages. 429 and 5xx are retried with bounded waits; every failure becomes a
/// <see cref="CliException"/> that says what happened and never contains the key.
/// </summary>
internal sealed class FirecrawlClient
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _apiKey;
    private readonly DocumentationFetcherSettings _settings;
    private readonly TimeProvider _time;

    public FirecrawlClient(HttpClient http, Uri baseUrl, string apiKey, DocumentationFetcherSettings settings, TimeProvider time)
    {
        _http = http;
        _baseUrl = new Uri(baseUrl.ToString().TrimEnd('/') + "/");
        _apiKey = apiKey;
        _settings = settings;
        _time = time;
    }

    public async Task<DocumentationPage> ScrapeAsync(Uri url, CancellationToken cancellationToken)
    {
        var body = new JObject { ["url"] = url.AbsoluteUri, ["formats"] = new JArray("markdown"), ["onlyMainContent"] = true };
        var response = await SendAsync(HttpMethod.Post, new Uri(_baseUrl, "v2/scrape"), body, "scrape", cancellationToken);
        return Page(response["data"] as JObject ?? throw Unexpected("scrape", "no `data`"), url);
    }

    public async Task<IReadOnlyList<DocumentationPage>> CrawlAsync(Uri url, int maxPages, CancellationToken cancellationToken)
    {
        var body = new JObject
        {
            ["url"] = url.AbsoluteUri,
            ["limit"] = maxPages,
            ["scrapeOptions"] = new JObject { ["formats"] = new JArray("markdown"), ["onlyMainContent"] = true },
        };
        var started = await SendAsync(HttpMethod.Post, new Uri(_baseUrl, "v2/crawl"), body, "crawl", cancellationToken);
        var id = started["id"]?.ToString() is { Length: > 0 } value ? value : throw Unexpected("crawl", "no crawl `id`");
        var statusUrl = new Uri(_baseUrl, $"v2/crawl/{Uri.EscapeDataString(id)}");

        var deadline = _time.GetUtcNow() + _settings.CrawlTimeout;
        JObject status;
        while (true)
        {
            status = await SendAsync(HttpMethod.Get, statusUrl, null, "crawl status", cancellationToken);
            var state = status["status"]?.ToString();
            if (state == "completed")
            {
                break;
            }

            if (state is "failed" or "cancelled")
            {
                throw new CliException(
                    $"The Firecrawl crawl of {url} ended '{state}' (crawl {id}).",
                    "Try a narrower documentation URL, fetch it without Firecrawl (--no-firecrawl), or check the crawl in the Firecrawl dashboard.");
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new CliException(
                    $"The Firecrawl crawl of {url} did not finish within {_settings.CrawlTimeout.TotalMinutes:0} minutes (crawl {id}).",
                    "Lower --max-pages or point at a narrower documentation URL, then run the build again.");
            }

            await Task.Delay(_settings.PollInterval, _time, cancellationToken);
        }

        // Large results arrive in pages: follow `next` (only on the Firecrawl host, so the key goes nowhere else).
        var pages = new List<DocumentationPage>();
        while (true)
        {
            foreach (var document in (status["data"] as JArray ?? []).OfType<JObject>())
            {
                var page = Page(document, url);
                if (page.Markdown.Length > 0 && pages.Count < maxPages)
                {
                    pages.Add(page);
                }
            }

            if (pages.Count >= maxPages || status["next"]?.ToString() is not { Length: > 0 } next || !Uri.TryCreate(next, UriKind.Absolute, out var nextUrl))
            {
                return pages;
            }

            if (!SameOrigin(nextUrl))
            {
                nextUrl = new Uri(_baseUrl, nextUrl.PathAndQuery.TrimStart('/'));
            }

            status = await SendAsync(HttpMethod.Get, nextUrl, null, "crawl status", cancellationToken);
        }
    }

    private bool SameOrigin(Uri url) => Uri.Compare(url, _baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static DocumentationPage Page(JObject document, Uri requested)
    {
        var metadata = document["metadata"] as JObject;
        var source = metadata?["sourceURL"]?.ToString() ?? metadata?["url"]?.ToString();
        var url = source is not null && Uri.TryCreate(source, UriKind.Absolute, out var parsed) ? parsed : requested;
        return new DocumentationPage(url, metadata?["title"]?.ToString() ?? "", document["markdown"]?.ToString() ?? "");
    }

    private async Task<JObject> SendAsync(HttpMethod method, Uri url, JObject? body, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new CliException(Scrub($"Could not reach Firecrawl at {_baseUrl}: {e.Message}"),
                    "Check the network and --firecrawl-api-url / FIRECRAWL_API_URL, or fetch pages without Firecrawl (--no-firecrawl).");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"Firecrawl did not answer the {what} request in time.", "Try again, or fetch pages without Firecrawl (--no-firecrawl).");
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return Parse(text, what);
                }

                var status = (int)response.StatusCode;
                if ((status == 429 || status >= 500) && attempt < _settings.MaxRetries && RetryDelay(response, attempt) is { } delay)
                {
                    await Task.Delay(delay, _time, cancellationToken);
                    continue;
                }

                throw Failure(status, ErrorMessage(text), what);
            }
        }
    }

    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt)
    {
        var told = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        if (told is { } wait)
        {
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            return wait <= _settings.MaxRetryDelay ? wait : null;
        }

        var backoff = _settings.FirstRetryDelay * Math.Pow(2, attempt);
        return backoff < _settings.MaxRetryDelay ? backoff : _settings.MaxRetryDelay;
    }

    private CliException Failure(int status, string? serverMessage, string what)
    {
        var detail = serverMessage is null ? "" : $": {serverMessage}";
        var (message, hint) = status switch
        {
            401 => ($"Firecrawl rejected the API key (HTTP 401{detail}).",
                "Check the key: --firecrawl-api-key, FIRECRAWL_API_KEY or `truto profiles set-key firecrawl`; or fetch pages without Firecrawl (--no-firecrawl)."),
            402 => ($"Firecrawl has no credits left for this key (HTTP 402{detail}).",
                "Add credits in the Firecrawl dashboard, lower --max-pages, or fetch pages without Firecrawl (--no-firecrawl)."),
            429 => ($"Firecrawl is rate limiting this key (HTTP 429{detail}).",
                "Wait a minute and run the build again (fetched pages are cached), or lower --max-pages."),
            >= 500 => ($"Firecrawl failed on the {what} request (HTTP {status}{detail}).",
                "Try again later, or fetch pages without Firecrawl (--no-firecrawl)."),
            _ => ($"Firecrawl refused the {what} request (HTTP {status}{detail}).",
                "Check the documentation URL, or fetch pages without Firecrawl (--no-firecrawl)."),
        };
        return new CliException(Scrub(message), hint);
    }

    private JObject Parse(string text, string what)
    {
        try
        {
            return JObject.Parse(text);
        }
        catch (JsonReaderException)
        {
            throw Unexpected(what, "an answer that is not JSON");
        }
    }

    private static string? ErrorMessage(string text)
    {
        try
        {
            return JObject.Parse(text)["error"]?.ToString();
        }
        catch (JsonReaderException)
        {
            return text.Length == 0 ? null : text[..Math.Min(200, text.Length)];
        }
    }

    private CliException Unexpected(string what, string problem) =>
        new($"Firecrawl answered the {what} request with {problem}.", $"Check --firecrawl-api-url ({_baseUrl}) points at the Firecrawl API.");

    /// <summary>Defence in depth: a server message that quotes the key shows it masked.</summary>
    private string Scrub(string text) => text.Replace(_apiKey, SecretMask.Mask(_apiKey), StringComparison.Ordinal);

    public override string ToString() => $"Firecrawl at {_baseUrl} (key {SecretMask.Mask(_apiKey)})";
}
