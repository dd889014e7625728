using Newtonsoft.Json.Linq;

namespace Truto.Cli.Sdk.Api;

/// <summary>
/// The Truto API, authenticated with the resolved token and URL of this invocation. Errors arrive as
/// <see cref="Errors.ApiException"/> and its subtypes; retries of rate limits and transient failures are already done.
/// </summary>
public interface ITrutoApi
{
    /// <summary>Sends one request and returns the parsed JSON body (an empty object for 204).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, for example <c>/environment</c>.</param>
    /// <param name="query">Query parameters, or null.</param>
    /// <param name="body">The JSON body, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response body.</returns>
    Task<JToken> SendAsync(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query, JToken? body, CancellationToken cancellationToken);

    /// <summary>Reads one page of a list endpoint (<c>{result, next_cursor, limit}</c>).</summary>
    /// <param name="path">The list path, for example <c>/api-token</c>.</param>
    /// <param name="query">Filters, or null.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="nextCursor">The cursor of the page to read, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    Task<ListPage> GetPageAsync(string path, IReadOnlyDictionary<string, string>? query, int limit, string? nextCursor, CancellationToken cancellationToken);

    /// <summary>Follows every page of a list endpoint, yielding records as each page arrives.</summary>
    /// <param name="path">The list path.</param>
    /// <param name="query">Filters, or null.</param>
    /// <param name="pageSize">Records to ask for per page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The records of every page, in order.</returns>
    IAsyncEnumerable<JObject> GetAllAsync(string path, IReadOnlyDictionary<string, string>? query, int pageSize, CancellationToken cancellationToken);
}

/// <summary>One page of a list endpoint.</summary>
/// <param name="Records">The page's records.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
/// <param name="Limit">The page size the API applied.</param>
public sealed record ListPage(IReadOnlyList<JObject> Records, string? NextCursor, int? Limit);

/// <summary>Opens the API with explicit credentials, for commands that check a token before saving it (<c>login</c>).</summary>
public interface ITrutoApiFactory
{
    /// <summary>Returns a client for the given URL and token.</summary>
    /// <param name="apiUrl">The API's base URL.</param>
    /// <param name="token">The API token.</param>
    /// <returns>The client.</returns>
    ITrutoApi Connect(Uri apiUrl, string token);
}
