using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Api;

/// <summary>
/// The Truto API over one HttpClient: base URL, Bearer token, JSON in and out, per-attempt timeout, retries, and
/// typed errors. Each attempt builds its request afresh, so retries never resend a consumed message.
/// </summary>
internal sealed class TrutoApiClient : ITrutoApi, IListPageSource
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _token;
    private readonly string _credentialOrigin;
    private readonly ApiClientOptions _options;

    public TrutoApiClient(HttpClient http, Uri baseUrl, string token, string credentialOrigin, ApiClientOptions options)
    {
        _http = http;
        _baseUrl = baseUrl;
        _token = token;
        _credentialOrigin = credentialOrigin;
        _options = options;
    }

    public async Task<JToken> SendAsync(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query, JToken? body, CancellationToken cancellationToken)
    {
        var url = BuildUrl(path, query);
        using var response = await SendCheckedAsync(method, path, url, body, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return new JObject();
        }

        return await ParseBodyAsync(response, url, cancellationToken)
            ?? throw ApiErrors.NotJson(method, path, response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<ListPage> GetPageAsync(string path, IReadOnlyDictionary<string, string>? query, int limit, string? nextCursor, CancellationToken cancellationToken)
    {
        using var page = await GetPageBodyAsync(path, query, limit, nextCursor, cancellationToken);
        return new ListPage(page.Records().ToArray(), page.NextCursor, page.Limit);
    }

    /// <summary>
    /// One page of a list, read whole and checked, whose records are parsed one at a time as they are enumerated:
    /// a listing never holds a page of parsed records, so they die young instead of being promoted and collected
    /// in full garbage collections. Dispose it to give its buffer back.
    /// </summary>
    public async Task<ListPageBody> GetPageBodyAsync(string path, IReadOnlyDictionary<string, string>? query, int? limit, string? nextCursor, CancellationToken cancellationToken)
    {
        var parameters = query is null ? new Dictionary<string, string>() : new Dictionary<string, string>(query);
        if (limit is { } size)
        {
            parameters["limit"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(nextCursor))
        {
            parameters["next_cursor"] = nextCursor;
        }

        var url = BuildUrl(path, parameters);
        var response = await SendCheckedAsync(HttpMethod.Get, path, url, null, cancellationToken);
        try
        {
            if (response.Content is PooledContent pooled && ListPageBody.TryScan(response, pooled) is { } page)
            {
                return page;
            }

            // Not a plain, strict envelope to the scan: parse it whole, for its records or its error message.
            var envelope = await ParseBodyAsync(response, url, cancellationToken) as JObject
                ?? throw ApiErrors.NotJson(HttpMethod.Get, path, "a JSON value that is not a list envelope");
            response.Dispose();
            return ListPageBody.FromEnvelope(envelope);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Sends with retries and returns a successful response with its body read; anything else is a typed error.</summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, string path, Uri url, JToken? body, CancellationToken cancellationToken)
    {
        var pipeline = RetryPolicy.Create(method, _options.RetryBaseDelay, _options.Streams, _options.Verbose);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(async token => await SendOnceAsync(method, url, body, token), cancellationToken);
        }
        catch (AttemptTimeoutException e)
        {
            throw ApiErrors.TimedOut(url, e.Timeout);
        }
        catch (HttpRequestException e)
        {
            throw ApiErrors.Unreachable(url, e);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var text = await ReadBodyAsync(response, url, cancellationToken);
                throw ApiErrors.FromResponse(method, path, response.StatusCode, text, response.Content.Headers.ContentType?.MediaType,
                    RetryPolicy.RetryAfter(response), _credentialOrigin);
            }
        }

        return response;
    }

    public async IAsyncEnumerable<JObject> GetAllAsync(string path, IReadOnlyDictionary<string, string>? query, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await GetPageAsync(path, query, pageSize, cursor, cancellationToken);
            foreach (var record in page.Records)
            {
                yield return record;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri url, JToken? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.Add(Json);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.Timeout);
        HttpResponseMessage? response = null;
        try
        {
            // The body is read whole inside the attempt, so the timeout covers it and a connection lost half-way
            // through is retried like any other failed attempt.
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            using (var streamed = response.Content)
            {
                response.Content = await PooledContent.ReadAsync(streamed, attempt.Token);
            }

            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new AttemptTimeoutException(_options.Timeout);
        }
        catch (IOException e)
        {
            response?.Dispose();
            throw new HttpRequestException($"the connection failed while reading the answer: {e.Message}", e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw ApiErrors.Unreachable(url, e);
        }
    }

    /// <summary>
    /// Parses the body (already read whole, inside the attempt, so retries and the timeout cover it) straight from
    /// its bytes: no string of the whole body. A 5,000-record page is about 1.4 MB, and a 2.8 MB string per page
    /// landed on the large-object heap and cost a full garbage collection every page or two. An empty body is an
    /// empty object; anything that is not exactly one JSON value is null.
    /// </summary>
    private static async Task<JToken?> ParseBodyAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        Stream body;
        try
        {
            body = await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw ApiErrors.Unreachable(url, e);
        }

        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        try
        {
            if (!reader.Read())
            {
                return new JObject();
            }

            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw ApiErrors.Unreachable(url, e);
        }
    }

    private Uri BuildUrl(string path, IReadOnlyDictionary<string, string>? query)
    {
        var url = new StringBuilder(_baseUrl.AbsoluteUri.TrimEnd('/'));
        url.Append('/').Append(path.TrimStart('/'));
        if (query is { Count: > 0 })
        {
            url.Append('?').AppendJoin('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        }

        return new Uri(url.ToString());
    }
}

/// <summary>How the client behaves this run.</summary>
internal sealed record ApiClientOptions(TimeSpan Timeout, TimeSpan RetryBaseDelay, bool Verbose, IStandardStreams Streams);
