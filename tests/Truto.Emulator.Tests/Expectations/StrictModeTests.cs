namespace Truto.Emulator.Tests.Expectations;

public sealed class StrictModeTests : EmulatorScenario
{
    [Fact]
    public async Task Without_expectations_every_request_is_served_and_verification_passes()
    {
        (await GetJsonAsync("/no-such-route")).Status.ShouldBe(404);

        Should.NotThrow(Emulator.VerifyExpectations);
    }

    [Fact]
    public async Task Expected_requests_are_served_and_verification_passes()
    {
        Emulator.Expect("GET", "/environment?limit=1");
        Emulator.Expect("get", $"/team/{Tenant.TeamId}");
        Emulator.Expect("GET", "/api-token", times: 2);

        (await GetJsonAsync("/environment?limit=1")).Status.ShouldBe(200);
        (await GetJsonAsync($"/team/{Tenant.TeamId}")).Status.ShouldBe(200);
        (await GetJsonAsync("/api-token?limit=25")).Status.ShouldBe(200);
        (await GetJsonAsync("/api-token/whatever")).Status.ShouldBe(404);

        Should.NotThrow(Emulator.VerifyExpectations);
    }

    [Fact]
    public async Task An_unexpected_request_gets_a_500_envelope_and_fails_verification()
    {
        Emulator.Expect("GET", "/environment");

        var (status, body) = await GetJsonAsync("/team?limit=1");
        await GetJsonAsync("/environment");

        status.ShouldBe(500);
        ShouldBeErrorEnvelope(body, 500, "Internal Server Error", "unexpected request: GET /team?limit=1");
        var error = Should.Throw<ExpectationsNotMetException>(Emulator.VerifyExpectations);
        error.Message.ShouldBe("""
            The emulator's expectations were not met:
              unexpected: GET /team?limit=1
            """.ReplaceLineEndings());
    }

    [Fact]
    public async Task An_expectation_used_fewer_times_than_expected_fails_verification()
    {
        Emulator.Expect("GET", "/api-token?limit=25", times: 2);
        Emulator.Expect("GET", "/team");

        await GetJsonAsync("/api-token?limit=25");

        var error = Should.Throw<ExpectationsNotMetException>(Emulator.VerifyExpectations);
        error.Message.ShouldBe("""
            The emulator's expectations were not met:
              not received: GET /api-token?limit=25 (expected 2, received 1)
              not received: GET /team (expected 1, received 0)
            """.ReplaceLineEndings());
    }

    [Fact]
    public async Task A_request_beyond_the_expected_count_is_unexpected()
    {
        Emulator.Expect("GET", "/environment");

        (await GetJsonAsync("/environment")).Status.ShouldBe(200);
        (await GetJsonAsync("/environment")).Status.ShouldBe(500);

        Should.Throw<ExpectationsNotMetException>(Emulator.VerifyExpectations).Message.ShouldContain("unexpected: GET /environment");
    }

    [Fact]
    public async Task Expectations_match_on_method_too()
    {
        Emulator.Expect("GET", "/api-token");

        using var response = await Client.PostAsync("/api-token", new StringContent("{}"));

        ((int)response.StatusCode).ShouldBe(500);
    }

    [Fact]
    public async Task A_query_prefix_may_be_written_decoded_or_encoded()
    {
        Emulator.Expect("GET", "/api-token?name=CI deploy token");
        Emulator.Expect("GET", "/api-token?name=Local%20development");

        (await GetJsonAsync("/api-token?name=CI%20deploy%20token")).Status.ShouldBe(200);
        (await GetJsonAsync("/api-token?name=Local%20development")).Status.ShouldBe(200);

        Should.NotThrow(Emulator.VerifyExpectations);
    }

    [Fact]
    public async Task An_expected_request_still_gets_a_queued_fault_so_retries_can_be_expected()
    {
        Emulator.Expect("GET", "/environment", times: 2);
        Emulator.Faults.Status(503);

        (await GetJsonAsync("/environment")).Status.ShouldBe(503);
        (await GetJsonAsync("/environment")).Status.ShouldBe(200);

        Should.NotThrow(Emulator.VerifyExpectations);
    }
}
