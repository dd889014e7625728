using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Auth.Tests.AuthFixture;

namespace Truto.Plugins.Auth.Tests;

/// <summary>The host's API client as whoami sees it: retries, their limits, and the final messages.</summary>
public sealed class ApiClientResilienceTests : IAsyncLifetime, IDisposable
{
    private readonly TrutoTestHost _host = NewHost();
    private Truto.Emulator.TrutoEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Truto.Emulator.TrutoEmulator.StartAsync();
        _emulator.AddToken(ValidToken);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _host.Dispose();

    private Task<CliResult> Whoami(params string[] extra) =>
        _host.RunAsync(["whoami", "--token", ValidToken, "--api-url", _emulator.BaseUrl.AbsoluteUri, "-o", "json", .. extra]);

    private int EnvironmentCalls => _emulator.Requests.Count(r => r.Path == "/environment");

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(500)]
    public async Task Retries_a_transient_server_error_and_then_succeeds(int status)
    {
        _emulator.Faults.Status(status, times: 2, pathPrefix: "/environment");

        var result = await Whoami();

        result.ExitCode.ShouldBe(0, result.ToString());
        JObject.Parse(result.Stdout)["environment_id"].ShouldNotBeNull();
        EnvironmentCalls.ShouldBe(3);
    }

    [Fact]
    public async Task Retries_a_rate_limit_after_the_wait_it_asks_for()
    {
        _emulator.Faults.Status(429, times: 1, pathPrefix: "/environment", retryAfter: TimeSpan.Zero);

        var result = await Whoami("-v");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("← 429");
        result.Stderr.ShouldContain("retry 1 of 3");
        EnvironmentCalls.ShouldBe(2);
    }

    [Fact]
    public async Task Gives_up_after_three_retries_with_the_status_in_the_message()
    {
        _emulator.Faults.Status(503, times: 10, pathPrefix: "/environment");

        var result = await Whoami();

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("the API failed with 503");
        EnvironmentCalls.ShouldBe(4);
    }

    [Fact]
    public async Task A_rate_limit_that_persists_says_so_with_the_requested_wait()
    {
        _emulator.Faults.Status(429, times: 10, pathPrefix: "/environment", retryAfter: TimeSpan.Zero);

        var result = await Whoami();

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("rate limiting this token (429) and still was after 3 retries");
        EnvironmentCalls.ShouldBe(4);
    }

    [Fact]
    public async Task Retries_a_dropped_connection_for_a_read()
    {
        _emulator.Faults.DropConnection(times: 1, pathPrefix: "/environment");

        var result = await Whoami();

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _emulator.Faults.Status(400, times: 1, pathPrefix: "/environment");

        var result = await Whoami();

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("(400 Bad Request)");
        EnvironmentCalls.ShouldBe(1);
    }

    [Fact]
    public async Task Verbose_output_shows_each_attempt_and_never_the_token()
    {
        _emulator.Faults.Status(503, times: 1, pathPrefix: "/environment");

        var result = await Whoami("-v");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("← 503");
        result.Stderr.ShouldContain("← 200 OK");
        result.Stderr.ShouldContain("User-Agent: truto-host/");
        result.ShouldNotLeak(ValidToken);
    }

    [Fact]
    public async Task An_html_error_page_is_described_not_printed()
    {
        _emulator.Faults.HtmlErrorPage(statusCode: 404, times: 1, pathPrefix: "/environment");

        var result = await Whoami();

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("an HTML page instead of an error object");
        result.Stderr.ShouldNotContain("<html", Case.Insensitive);
    }

    [Fact]
    public async Task Malformed_json_is_reported_as_not_json()
    {
        _emulator.Faults.MalformedJson(times: 1, pathPrefix: "/environment");

        var result = await Whoami();

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("not JSON");
    }
}
