using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Truto.Plugins.Build.Caching;

namespace Truto.Plugins.Build.Llm;

/// <summary>
/// The handler under the Anthropic SDK's HttpClient: it puts the key where the Messages API documents it, answers
/// from the response cache, and retries rate limits and server errors with bounded waits.
/// <list type="bullet">
/// <item>SDK 13.x sends the key as <c>Authorization: Bearer</c>; the API documents <c>x-api-key</c>, so the key moves
/// there and the Authorization header goes.</item>
/// <item>The SDK's own retries are off (<c>MaxRetries = 0</c>): 13.x obeys any <c>retry-after</c>, however long.
/// Here a wait above <see cref="AnthropicTransportSettings.MaxRetryDelay"/> fails at once with the API's error, and a
/// 429 for an exhausted spend limit is never retried.</item>
/// <item>The cache key is a hash of the request's model, system prompt, messages and tools; only 200 answers are
/// stored, and the key never is (it travels in a header, not the body).</item>
/// </list>
/// </summary>
internal sealed class AnthropicTransport : DelegatingHandler
{
    private static readonly HashSet<int> Retryable = [408, 409, 429, 500, 502, 503, 504, 529];

    private readonly string _apiKey;
    private readonly DiskCache? _cache;
    private readonly bool _refreshCache;
    private readonly AnthropicTransportSettings _settings;
    private readonly TimeProvider _time;

    public AnthropicTransport(string apiKey, DiskCache? cache, bool refreshCache, AnthropicTransportSettings settings, TimeProvider time)
    {
        _apiKey = apiKey;
        _cache = cache;
        _refreshCache = refreshCache;
        _settings = settings;
        _time = time;
    }

    /// <summary>Answers served from the cache in this run.</summary>
    public int CacheHits { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        request.Headers.Remove("x-api-key");
        request.Headers.TryAddWithoutValidation("x-api-key", _apiKey);

        // Buffer the body once: it is hashed for the cache and sent again on a retry.
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);

        var cacheKey = _cache is not null && request.Method == HttpMethod.Post ? CacheKey(body) : null;
        if (cacheKey is not null && !_refreshCache && _cache!.TryRead(cacheKey) is { } cached)
        {
            CacheHits++;
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(cached, Encoding.UTF8, "application/json"),
            };
        }

        for (var attempt = 0; ; attempt++)
        {
            // The SDK's HttpClient refuses to send one message twice: each attempt is a copy.
            var copy = Copy(request, body, attempt);
            var response = await base.SendAsync(copy, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                if (cacheKey is not null)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    _cache!.Write(cacheKey, text);
                    var contentType = response.Content.Headers.ContentType;
                    response.Content = new StringContent(text, Encoding.UTF8);
                    response.Content.Headers.ContentType = contentType ?? new MediaTypeHeaderValue("application/json");
                }

                return response;
            }

            var delay = attempt < _settings.MaxRetries ? await RetryDelayAsync(response, attempt, cancellationToken) : null;
            if (delay is null)
            {
                return response;
            }

            response.Dispose();
            copy.Dispose();
            await Task.Delay(delay.Value, _time, cancellationToken);
        }
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[] body, int attempt)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers.Where(h => !h.Key.Equals("x-stainless-retry-count", StringComparison.OrdinalIgnoreCase)))
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        copy.Headers.TryAddWithoutValidation("x-stainless-retry-count", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var option in request.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        if (request.Content is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    /// <summary>The wait before retrying <paramref name="response"/>, or null when it must not be retried.</summary>
    private async Task<TimeSpan?> RetryDelayAsync(HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        if (response.Headers.TryGetValues("x-should-retry", out var shouldRetry) && shouldRetry.FirstOrDefault() is { } verdict)
        {
            if (verdict.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }
        else if (!Retryable.Contains((int)response.StatusCode))
        {
            return null;
        }

        if ((int)response.StatusCode == 429)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var error = await response.Content.ReadAsStringAsync(cancellationToken);
            if (error.Contains("enforced_spend_limit_reached", StringComparison.Ordinal))
            {
                return null;
            }
        }

        var told = ServerDelay(response);
        if (told is { } wait)
        {
            return wait <= _settings.MaxRetryDelay ? wait : null;
        }

        var backoff = _settings.FirstRetryDelay * Math.Pow(2, attempt);
        return backoff < _settings.MaxRetryDelay ? backoff : _settings.MaxRetryDelay;
    }

    private TimeSpan? ServerDelay(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms) && double.TryParse(ms.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - _time.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return null;
    }

    /// <summary>The cache key: model, system prompt, messages and tools, in the order the SDK wrote them.</summary>
    private static string? CacheKey(byte[] body)
    {
        if (JsonNode.Parse(body) is not JsonObject request)
        {
            return null;
        }

        var identity = new JsonObject();
        foreach (var field in new[] { "model", "system", "messages", "tools" })
        {
            identity[field] = request[field]?.DeepClone();
        }

        return DiskCache.KeyFor(identity.ToJsonString());
    }
}
