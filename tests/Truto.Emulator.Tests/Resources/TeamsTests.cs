namespace Truto.Emulator.Tests.Resources;

public sealed class TeamsTests : EmulatorScenario
{
    [Fact]
    public async Task Lists_the_team_that_owns_the_tokens_environment()
    {
        var (status, page) = await GetJsonAsync("/team");

        status.ShouldBe(200);
        page["next_cursor"]!.Type.ShouldBe(JTokenType.Null);
        var team = (JObject)page["result"]!.ShouldHaveSingleItem();
        team.Properties().Select(p => p.Name).ShouldBe(["id", "name", "domain", "logo", "created_at", "updated_at"]);
        ((string?)team["id"]).ShouldBe(Tenant.TeamId);
        ((string?)team["name"]).ShouldBe(Tenant.TeamName);
        ((string?)team["domain"]).ShouldBe("acme.example");
        team["logo"]!.Type.ShouldBe(JTokenType.Null);
        team["created_at"].ShouldBeTimestamp();
    }

    [Fact]
    public async Task Gets_the_team_by_id()
    {
        var (status, team) = await GetJsonAsync($"/team/{Tenant.TeamId}");

        status.ShouldBe(200);
        ((string?)team["name"]).ShouldBe("Acme Corp");
    }

    [Fact]
    public async Task A_team_outside_the_token_is_404()
    {
        var (status, body) = await GetJsonAsync($"/team/{Tenant.EnvironmentId}");

        status.ShouldBe(404);
        ShouldBeErrorEnvelope(body, 404, "Not Found", "Team not found");
    }
}
