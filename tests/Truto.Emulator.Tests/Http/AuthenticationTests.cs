namespace Truto.Emulator.Tests.Http;

public sealed class AuthenticationTests : EmulatorScenario
{
    [Theory]
    [InlineData("/environment")]
    [InlineData("/team")]
    [InlineData("/api-token")]
    [InlineData("/api-token/7d8f7b5e-1c1a-4a8e-9a51-7a9f3e1d2c4b")]
    [InlineData("/no-such-route")]
    public async Task Request_without_a_token_is_401_with_the_error_envelope(string path)
    {
        using var anonymous = ClientFor(token: null);

        var (status, body) = await GetJsonAsync(path, anonymous);

        status.ShouldBe(401);
        ShouldBeErrorEnvelope(body, 401, "Unauthorized", "Invalid API token");
    }

    [Fact]
    public async Task Request_with_an_unknown_token_is_401_with_the_error_envelope()
    {
        using var stranger = ClientFor("truto_tok_REVOKED_ffffffffffffffff");

        var (status, body) = await GetJsonAsync("/api-token", stranger);

        status.ShouldBe(401);
        ShouldBeErrorEnvelope(body, 401, "Unauthorized", "Invalid API token");
    }

    [Fact]
    public async Task Authorization_header_without_the_bearer_scheme_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/environment");
        request.Headers.TryAddWithoutValidation("Authorization", Token);

        using var client = ClientFor(token: null);
        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(401);
    }

    [Fact]
    public async Task Bearer_scheme_is_case_insensitive()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/environment");
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + Token);

        using var client = ClientFor(token: null);
        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task Each_token_sees_only_its_own_environment_team_and_api_tokens()
    {
        var other = Emulator.AddToken("truto_tok_OTHER_fedcba9876543210");
        using var otherClient = ClientFor(other.Token);
        var ownTokenId = (string)Emulator.GetApiTokens(Token)[0]["id"]!;

        var (_, environments) = await GetJsonAsync("/environment", otherClient);
        var (_, teams) = await GetJsonAsync("/team", otherClient);

        other.EnvironmentId.ShouldNotBe(Tenant.EnvironmentId);
        environments["result"]!.Select(e => (string?)e["id"]).ShouldBe([other.EnvironmentId]);
        teams["result"]!.Select(t => (string?)t["id"]).ShouldBe([other.TeamId]);
        (await GetJsonAsync($"/environment/{Tenant.EnvironmentId}", otherClient)).Status.ShouldBe(404);
        (await GetJsonAsync($"/team/{Tenant.TeamId}", otherClient)).Status.ShouldBe(404);
        (await GetJsonAsync($"/api-token/{ownTokenId}", otherClient)).Status.ShouldBe(404);
    }

    [Fact]
    public void Adding_a_known_token_again_returns_the_same_tenant()
    {
        Emulator.AddToken(Token).ShouldBe(Tenant);
        Emulator.GetApiTokens(Token).Count.ShouldBe(3);
    }
}
