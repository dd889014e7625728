namespace Truto.Emulator.Tests.Recording;

public sealed class RequestRecordingTests : EmulatorScenario
{
    [Fact]
    public async Task Records_method_path_decoded_query_headers_and_body_in_order()
    {
        await Client.GetAsync("/api-token?limit=25&name=CI%20deploy%20token");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api-token") { Content = new StringContent("""{"name":"new"}""") };
        post.Headers.Add("Idempotency-Key", "key-1");
        await Client.SendAsync(post);

        var requests = Emulator.Requests;

        requests.Count.ShouldBe(2);
        requests[0].Method.ShouldBe("GET");
        requests[0].Path.ShouldBe("/api-token");
        requests[0].Query.ShouldBe(new Dictionary<string, string> { ["limit"] = "25", ["name"] = "CI deploy token" });
        requests[0].Headers["authorization"].ShouldBe($"Bearer {Token}");
        requests[0].Body.ShouldBeEmpty();
        requests[1].Method.ShouldBe("POST");
        requests[1].Headers["Idempotency-Key"].ShouldBe("key-1");
        requests[1].Body.ShouldBe("""{"name":"new"}""");
    }

    [Fact]
    public async Task Records_requests_that_were_turned_away()
    {
        Emulator.Faults.DropConnection();
        using var anonymous = ClientFor(token: null);

        await Record.ExceptionAsync(() => Client.GetAsync("/team"));
        await anonymous.GetAsync("/environment");

        Emulator.Requests.Select(r => r.Path).ShouldBe(["/team", "/environment"]);
        Emulator.Requests[1].Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task A_request_whose_client_left_before_its_body_was_read_is_still_recorded()
    {
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(Emulator.BaseUrl.Host, Emulator.BaseUrl.Port);
            var stream = client.GetStream();
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
                $"POST /api-token HTTP/1.1\r\nHost: {Emulator.BaseUrl.Authority}\r\nContent-Length: 100\r\n\r\n{{\"name\":"));
        }

        // The server gets to it after the client has gone.
        await Emulator.WaitForRequestsAsync(requests => requests.Count == 1);

        var recorded = Emulator.Requests.ShouldHaveSingleItem();
        (recorded.Method, recorded.Path).ShouldBe(("POST", "/api-token"));
        recorded.Body.ShouldBeEmpty(); // cut short, so not read
    }

    [Fact]
    public async Task ClearRequests_forgets_what_was_recorded()
    {
        await Client.GetAsync("/team");

        Emulator.ClearRequests();
        await Client.GetAsync("/environment");

        Emulator.Requests.ShouldHaveSingleItem().Path.ShouldBe("/environment");
    }

    [Fact]
    public async Task Concurrent_requests_are_all_recorded()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Client.GetAsync($"/api-token?limit={i + 1}")));

        Emulator.Requests.Select(r => r.Query["limit"]).ShouldBe(Enumerable.Range(1, 40).Select(i => i.ToString()), ignoreOrder: true);
    }

    [Fact]
    public async Task Waiting_for_requests_returns_once_they_arrive()
    {
        var waiting = Emulator.WaitForRequestsAsync(requests => requests.Any(r => r.Path == "/team"));
        waiting.IsCompleted.ShouldBeFalse();

        await Client.GetAsync("/team");

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Waiting_for_requests_that_never_come_times_out_saying_how_many_came()
    {
        await Client.GetAsync("/team");

        var timeout = await Should.ThrowAsync<TimeoutException>(
            Emulator.WaitForRequestsAsync(requests => requests.Count >= 2, TimeSpan.FromMilliseconds(100)));

        timeout.Message.ShouldBe("the emulator's requests did not meet the condition within 0.1 s (1 received)");
    }
}
