using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Cli.Api;

/// <summary>
/// The <see cref="ITrutoApi"/> commands get: credentials are resolved on the first request, not when the command
/// is constructed, so a command that fails validation never reads the config file.
/// </summary>
internal sealed class CredentialedTrutoApi(ICredentials credentials, TrutoApiFactory factory) : ITrutoApi, IListPageSource
{
    private TrutoApiClient? _connected;

    public async Task<JToken> SendAsync(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query, JToken? body, CancellationToken cancellationToken) =>
        await (await ConnectAsync(cancellationToken)).SendAsync(method, path, query, body, cancellationToken);

    public async Task<ListPage> GetPageAsync(string path, IReadOnlyDictionary<string, string>? query, int limit, string? nextCursor, CancellationToken cancellationToken) =>
        await (await ConnectAsync(cancellationToken)).GetPageAsync(path, query, limit, nextCursor, cancellationToken);

    public async Task<ListPageBody> GetPageBodyAsync(string path, IReadOnlyDictionary<string, string>? query, int? limit, string? nextCursor, CancellationToken cancellationToken) =>
        await (await ConnectAsync(cancellationToken)).GetPageBodyAsync(path, query, limit, nextCursor, cancellationToken);

    public async IAsyncEnumerable<JObject> GetAllAsync(string path, IReadOnlyDictionary<string, string>? query, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connected = await ConnectAsync(cancellationToken);
        await foreach (var record in connected.GetAllAsync(path, query, pageSize, cancellationToken))
        {
            yield return record;
        }
    }

    private async Task<TrutoApiClient> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connected is null)
        {
            var token = await credentials.GetApiTokenAsync(cancellationToken);
            var url = await credentials.GetApiUrlAsync(cancellationToken);
            var origin = token.Source == TokenSource.Flag ? "the token given with --token" : $"the token of profile '{token.ProfileName}'";
            _connected = factory.ConnectClient(url, token.Value, origin);
        }

        return _connected;
    }
}
