using System.Net;
using Truto.Cli.Sdk.Errors;

namespace Truto.Plugins.Build.Crawl;

/// <summary>The path without Firecrawl: one GET, and HTML converted to markdown here. Markdown and text pass through.</summary>
internal sealed class LocalPageFetcher
{
    private readonly HttpClient _http;

    public LocalPageFetcher(HttpClient http) => _http = http;

    public async Task<DocumentationPage> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", "text/html, text/markdown;q=0.9, text/plain;q=0.8, */*;q=0.5");
        request.Headers.TryAddWithoutValidation("User-Agent", "truto-cli (integration build)");
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"Could not fetch {url}: {e.Message}", "Check the URL and the network, or give a Firecrawl key to fetch through Firecrawl.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"Fetching {url} timed out.", "Try again, or give a Firecrawl key to fetch through Firecrawl.");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException(
                    $"Could not fetch {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.",
                    response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
                        ? "The site refuses plain requests; give a Firecrawl key (--firecrawl-api-key) to fetch it through Firecrawl."
                        : "Check the URL.");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return FromContent(url, body, response.Content.Headers.ContentType?.MediaType ?? "text/html");
        }
    }

    /// <summary>A fetched page as markdown: HTML converted, markdown and text as they are.</summary>
    /// <param name="mediaType">The response's media type, or null to tell HTML by its content.</param>
    public static DocumentationPage FromContent(Uri url, string body, string? mediaType)
    {
        if (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? LooksLikeHtml(body))
        {
            var converted = HtmlToMarkdown.Convert(body, url);
            return new DocumentationPage(url, converted.Title, converted.Markdown);
        }

        return new DocumentationPage(url, url.Segments.LastOrDefault()?.Trim('/') ?? url.Host, body);
    }

    private static bool LooksLikeHtml(string body)
    {
        var head = body.AsSpan(0, Math.Min(body.Length, 2048)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }
}
