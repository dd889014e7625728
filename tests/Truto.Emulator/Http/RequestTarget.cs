namespace Truto.Emulator.Http;

/// <summary>
/// Matches a request against a path-and-query prefix given by a test, e.g. <c>/api-token?limit=25</c>. Both the
/// form the client sent (percent-encoded) and the decoded form are tried, so a test can write either.
/// </summary>
internal static class RequestTarget
{
    public static string Of(HttpRequest request) => request.Path.Value + request.QueryString.Value;

    public static bool StartsWith(HttpRequest request, string prefix)
    {
        var sent = request.PathBase.Value + request.Path.ToUriComponent() + request.QueryString.Value;
        return sent.StartsWith(prefix, StringComparison.Ordinal)
            || Uri.UnescapeDataString(sent).StartsWith(prefix, StringComparison.Ordinal);
    }
}
