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
internal sealed class TrutoApiClient : ITrutoApi
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

        using (response)
        {
            var text = await ReadBodyAsync(response, method, url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw ApiErrors.FromResponse(method, path, response.StatusCode, text, response.Content.Headers.ContentType?.MediaType,
                    RetryPolicy.RetryAfter(response), _credentialOrigin);
            }

            if (response.StatusCode == HttpStatusCode.NoContent || text.Length == 0)
            {
                return new JObject();
            }

            return Parse(text) ?? throw ApiErrors.NotJson(method, path, response.Content.Headers.ContentType?.MediaType);
        }
    }

    public async Task<ListPage> GetPageAsync(string path, IReadOnlyDictionary<string, string>? query, int limit, string? nextCursor, CancellationToken cancellationToken)
    {
        var parameters = query is null ? new Dictionary<string, string>() : new Dictionary<string, string>(query);
        parameters["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(nextCursor))
        {
            parameters["next_cursor"] = nextCursor;
        }

        var envelope = await SendAsync(HttpMethod.Get, path, parameters, null, cancellationToken) as JObject
            ?? throw ApiErrors.NotJson(HttpMethod.Get, path, "a JSON value that is not a list envelope");

        // `result` is canonical; some documented examples say `results`.
        var records = (envelope["result"] ?? envelope["results"]) as JArray ?? [];
        var cursor = envelope["next_cursor"] is JValue { Type: JTokenType.String } c && !string.IsNullOrEmpty((string?)c) ? (string?)c : null;
        var applied = envelope["limit"] is JValue { Type: JTokenType.Integer } l ? (int?)l : null;
        return new ListPage(records.OfType<JObject>().ToArray(), cursor, applied);
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
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token);
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException(_options.Timeout);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw ApiErrors.Unreachable(url, e);
        }
        catch (IOException e)
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

    private static JToken? Parse(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>How the client behaves this run.</summary>
internal sealed record ApiClientOptions(TimeSpan Timeout, TimeSpan RetryBaseDelay, bool Verbose, IStandardStreams Streams);
