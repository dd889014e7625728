using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Truto.ByokStubs;

/// <summary>
/// A tiny loopback web site for the local-fetch path: the test adds pages by path; anything else is a 404.
/// <code>
/// await using var site = await StaticSiteStub.StartAsync();
/// var url = site.Add("/docs/intro", "&lt;html&gt;…&lt;/html&gt;");
/// </code>
/// </summary>
public sealed class StaticSiteStub : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, (string Body, string ContentType, int Status)> _pages = new();

    private StaticSiteStub(LoopbackServer server) => _server = server;

    /// <summary>The site's root.</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Every request received, in order (a snapshot).</summary>
    public IReadOnlyList<StubRequest> Requests => _server.Requests;

    /// <summary>Starts the site on a free loopback port.</summary>
    public static async Task<StaticSiteStub> StartAsync()
    {
        StaticSiteStub? stub = null;
        var server = await LoopbackServer.StartAsync((context, request) => stub!.HandleAsync(context, request));
        stub = new StaticSiteStub(server);
        return stub;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> and returns the page's absolute URL.</summary>
    public Uri Add(string path, string body, string contentType = "text/html; charset=utf-8", int status = 200)
    {
        _pages[path] = (body, contentType, status);
        return new Uri(BaseUrl, path.TrimStart('/'));
    }

    private async Task HandleAsync(HttpContext context, StubRequest request)
    {
        if (!_pages.TryGetValue(request.Path, out var page))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("Not found");
            return;
        }

        context.Response.StatusCode = page.Status;
        context.Response.ContentType = page.ContentType;
        await context.Response.WriteAsync(page.Body);
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
