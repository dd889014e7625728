using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Build.Tests.BuildFixture;

namespace Truto.Plugins.Build.Tests;

/// <summary>Spec URLs are fetched over HTTP (here from a loopback server) and recognised by content.</summary>
public sealed class RemoteSourceTests : IDisposable
{
    private readonly TrutoTestHost _host = new();
    private readonly HttpListener _listener = new();
    private readonly string _baseUrl;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _requested = new();

    public RemoteSourceTests()
    {
        var port = FreePort();
        _baseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_baseUrl);
        _listener.Start();
        _ = ServeAsync();
    }

    public void Dispose()
    {
        _listener.Close();
        _host.Dispose();
    }

    [Fact]
    public async Task Builds_from_a_spec_url()
    {
        var (result, file, _) = await _host.BuildAsync(_baseUrl + "specs/lists", "--no-llm");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string)file!["name"]!).ShouldBe("sendgrid");
        file.MethodCount().ShouldBe(7);
    }

    [Fact]
    public async Task A_url_that_answers_an_error_fails_with_the_status()
    {
        var (result, file, _) = await _host.BuildAsync(_baseUrl + "missing", "--no-llm");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("HTTP 404");
        file.ShouldBeNull();
    }

    [Fact]
    public async Task A_doc_page_url_beside_a_spec_is_fetched_once_without_a_firecrawl_key_and_adds_context()
    {
        var (result, file, _) = await _host.BuildAsync(_baseUrl + "specs/lists", _baseUrl + "docs/rate-limits", "--no-llm");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain($"Converting {_baseUrl}docs/rate-limits (local fetch");
        _requested.Count(p => p == "/docs/rate-limits").ShouldBe(1, "the page read to tell it from a spec is the page converted");
        file!.MethodCount().ShouldBe(7, "the page adds context, not methods");
        file!["config"]!["rate_limit"].ShouldNotBeNull("the page describes a 429");
        ((JArray)file!["documentation"]!).Single(r => (string?)r["type"] == "readme")["content"]!.ToString().ShouldContain("100 requests");
    }

    private async Task ServeAsync()
    {
        var spec = await File.ReadAllBytesAsync(Input(SendGrid));
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            _requested.Enqueue(path);
            var body = path == "/specs/lists" ? spec
                : path == "/docs/rate-limits" ? Encoding.UTF8.GetBytes("<html><body><h1>Rate limits</h1><p>429 after 100 requests</p></body></html>")
                : Encoding.UTF8.GetBytes("not found");
            context.Response.StatusCode = path is "/specs/lists" or "/docs/rate-limits" ? 200 : 404;
            context.Response.ContentType = "text/plain"; // content, not the media type, decides what it is
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}
