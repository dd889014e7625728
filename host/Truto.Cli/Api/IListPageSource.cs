namespace Truto.Cli.Api;

/// <summary>
/// The host's own way to read a list page: cursor first, records parsed as they are enumerated. Listings with
/// --all use it to stream 100,000 records in flat memory; anything else goes through the SDK's page.
/// </summary>
internal interface IListPageSource
{
    /// <param name="limit">The page size; null sends none, for the API's own default page.</param>
    Task<ListPageBody> GetPageBodyAsync(string path, IReadOnlyDictionary<string, string>? query, int? limit, string? nextCursor, CancellationToken cancellationToken);
}
