using System.Diagnostics;
using Newtonsoft.Json;

namespace Truto.Emulator.Tests.Faults;

public sealed class FaultQueueTests : EmulatorScenario
{
    [Fact]
    public async Task Status_503_twice_then_the_normal_answer()
    {
        Emulator.Faults.Status(503, times: 2);

        var first = await GetJsonAsync("/environment");
        var second = await GetJsonAsync("/environment");
        var third = await GetJsonAsync("/environment");

        first.Status.ShouldBe(503);
        ShouldBeErrorEnvelope(first.Body, 503, "Service Unavailable", "Service temporarily unavailable.");
        second.Status.ShouldBe(503);
        third.Status.ShouldBe(200);
        Emulator.Faults.Pending.ShouldBe(0);
    }

    [Theory]
    [InlineData(10_000, "10")]
    [InlineData(0, "0")]
    [InlineData(1_200, "2")]
    public async Task Status_429_sends_Retry_After_in_whole_seconds_rounded_up(int milliseconds, string header)
    {
        Emulator.Faults.Status(429, retryAfter: TimeSpan.FromMilliseconds(milliseconds));

        using var response = await Client.GetAsync("/api-token");

        ((int)response.StatusCode).ShouldBe(429);
        response.Headers.GetValues("Retry-After").ShouldBe([header]);
        ShouldBeErrorEnvelope(Parse(await response.Content.ReadAsStringAsync()), 429, "Too Many Requests", "Rate limit exceeded. Please retry after some time.");
    }

    [Fact]
    public async Task Status_without_retry_after_sends_no_Retry_After()
    {
        Emulator.Faults.Status(429);

        using var response = await Client.GetAsync("/api-token");

        response.Headers.Contains("Retry-After").ShouldBeFalse();
    }

    [Fact]
    public async Task Faults_apply_before_authentication()
    {
        Emulator.Faults.Status(503);
        using var anonymous = ClientFor(token: null);

        (await GetJsonAsync("/environment", anonymous)).Status.ShouldBe(503);
        (await GetJsonAsync("/environment", anonymous)).Status.ShouldBe(401);
    }

    [Fact]
    public async Task A_fault_with_a_path_prefix_leaves_other_paths_alone()
    {
        Emulator.Faults.Status(500, pathPrefix: "/api-token");

        (await GetJsonAsync("/environment")).Status.ShouldBe(200);
        (await GetJsonAsync("/api-token?limit=25")).Status.ShouldBe(500);
        (await GetJsonAsync("/api-token?limit=25")).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Queued_faults_apply_oldest_first()
    {
        Emulator.Faults.Status(500);
        Emulator.Faults.HtmlErrorPage(504);

        (await Client.GetAsync("/team")).StatusCode.ShouldBe(System.Net.HttpStatusCode.InternalServerError);
        (await Client.GetAsync("/team")).StatusCode.ShouldBe(System.Net.HttpStatusCode.GatewayTimeout);
        (await Client.GetAsync("/team")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Latency_delays_the_answer_then_answers_normally()
    {
        Emulator.Faults.Latency(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var (status, _) = await GetJsonAsync("/environment");

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        status.ShouldBe(200);
    }

    [Fact]
    public async Task Latency_longer_than_the_client_timeout_times_the_client_out()
    {
        Emulator.Faults.Latency(TimeSpan.FromMinutes(5));
        using var impatient = ClientFor(Token);
        impatient.Timeout = TimeSpan.FromMilliseconds(200);

        await Should.ThrowAsync<TaskCanceledException>(() => impatient.GetAsync("/environment"));
    }

    [Fact]
    public async Task DropConnection_closes_the_connection_without_an_answer()
    {
        Emulator.Faults.DropConnection();

        await Should.ThrowAsync<HttpRequestException>(() => Client.GetAsync("/environment"));
        (await GetJsonAsync("/environment")).Status.ShouldBe(200);
    }

    [Fact]
    public async Task DropConnection_on_a_kept_alive_connection_is_not_hidden_by_a_client_retry()
    {
        (await GetJsonAsync("/environment")).Status.ShouldBe(200);
        Emulator.Faults.DropConnection();

        await Should.ThrowAsync<HttpRequestException>(() => Client.GetAsync("/environment"));
        Emulator.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ResetMidBody_sends_a_200_then_cuts_the_body_short()
    {
        Emulator.Faults.ResetMidBody();

        using var response = await Client.GetAsync("/api-token", HttpCompletionOption.ResponseHeadersRead);
        var error = await Record.ExceptionAsync(() => response.Content.ReadAsStringAsync());

        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentLength.ShouldNotBeNull().ShouldBeGreaterThan(0);
        error.ShouldBeOfType<HttpRequestException>().InnerException.ShouldBeAssignableTo<IOException>();
    }

    [Fact]
    public async Task ResetMidBody_fails_a_client_that_buffers_the_body()
    {
        Emulator.Faults.ResetMidBody();

        await Should.ThrowAsync<HttpRequestException>(() => Client.GetAsync("/api-token"));
    }

    [Fact]
    public async Task MalformedJson_is_a_200_json_body_that_does_not_parse()
    {
        Emulator.Faults.MalformedJson();

        using var response = await Client.GetAsync("/api-token");
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        Should.Throw<JsonReaderException>(() => JToken.Parse(body));
    }

    [Fact]
    public async Task HtmlErrorPage_is_a_502_text_html_page_by_default()
    {
        Emulator.Faults.HtmlErrorPage();

        using var response = await Client.GetAsync("/environment");
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(502);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        body.ShouldContain("<title>502 Bad Gateway</title>");
    }

    [Fact]
    public async Task LargeBody_is_a_valid_list_envelope_of_exactly_the_requested_size()
    {
        Emulator.Faults.LargeBody(1_000_000);

        using var response = await Client.GetAsync("/api-token");
        var body = await response.Content.ReadAsByteArrayAsync();

        ((int)response.StatusCode).ShouldBe(200);
        body.Length.ShouldBe(1_000_000);
        response.Content.Headers.ContentLength.ShouldBe(1_000_000);
        var page = Parse(System.Text.Encoding.UTF8.GetString(body));
        ((JArray)page["result"]!).Count.ShouldBe(976);
        page["next_cursor"]!.Type.ShouldBe(JTokenType.Null);
    }

    [Fact]
    public async Task LargeBody_smaller_than_one_row_still_sends_valid_json()
    {
        Emulator.Faults.LargeBody(10);

        var (status, page) = await GetJsonAsync("/api-token");

        status.ShouldBe(200);
        ((JArray)page["result"]!).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Clear_forgets_queued_faults()
    {
        Emulator.Faults.Status(500, times: 3);

        Emulator.Faults.Clear();

        Emulator.Faults.Pending.ShouldBe(0);
        (await GetJsonAsync("/environment")).Status.ShouldBe(200);
    }
}
