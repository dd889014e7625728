using System.Net.Http.Headers;
using Truto.Cli.Sdk.Errors;

namespace Truto.Plugins.Build.Sources;

/// <summary>Fetches remote spec files (OpenAPI, Postman) over plain HTTP; doc sites go through the documentation fetcher.</summary>
internal sealed class SpecDownloader : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public SpecDownloader() => _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("truto-cli", "1.0"));

    public async Task<string> GetStringAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException($"could not fetch {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", "Check the URL, or download the file and pass its path.");
            }

            SourceText.EnsureSize(url.AbsoluteUri, response.Content.Headers.ContentLength ?? 0);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            SourceText.EnsureSize(url.AbsoluteUri, bytes.Length);
            return SourceText.Decode(url.AbsoluteUri, bytes);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"could not fetch {url}: {e.Message}", "Check the URL and your network, or download the file and pass its path.", innerException: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"could not fetch {url}: timed out", "Download the file and pass its path.", innerException: e);
        }
    }

    public void Dispose() => _http.Dispose();
}
