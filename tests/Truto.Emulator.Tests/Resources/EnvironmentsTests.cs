namespace Truto.Emulator.Tests.Resources;

public sealed class EnvironmentsTests : EmulatorScenario
{
    [Fact]
    public async Task Lists_the_one_environment_of_the_token()
    {
        var (status, page) = await GetJsonAsync("/environment");

        status.ShouldBe(200);
        page["next_cursor"]!.Type.ShouldBe(JTokenType.Null);
        var environment = (JObject)page["result"]!.ShouldHaveSingleItem();
        environment.Properties().Select(p => p.Name).ShouldBe(["id", "name", "team_id", "created_at", "updated_at"]);
        ((string?)environment["id"]).ShouldBe(Tenant.EnvironmentId);
        ((string?)environment["name"]).ShouldBe("Production");
        ((string?)environment["team_id"]).ShouldBe(Tenant.TeamId);
        environment["id"].ShouldBeUuid();
        environment["created_at"].ShouldBeTimestamp();
        environment["updated_at"].ShouldBeTimestamp();
    }

    [Fact]
    public async Task Gets_the_environment_by_id_as_the_list_shows_it()
    {
        var (_, page) = await GetJsonAsync("/environment");

        var (status, environment) = await GetJsonAsync($"/environment/{Tenant.EnvironmentId}");

        status.ShouldBe(200);
        JToken.DeepEquals(environment, page["result"]![0]).ShouldBeTrue();
    }

    [Fact]
    public async Task An_environment_outside_the_token_is_404()
    {
        var (status, body) = await GetJsonAsync("/environment/0b6e9a7c-3a51-4d8e-b1c2-5f0e7d9a2b14");

        status.ShouldBe(404);
        ShouldBeErrorEnvelope(body, 404, "Not Found", "Environment not found");
    }

    [Fact]
    public void Each_token_gets_its_own_team_and_environment_with_realistic_names()
    {
        var second = Emulator.AddToken("truto_tok_SECOND_1111111111111111");

        Tenant.TeamName.ShouldBe("Acme Corp");
        Tenant.EnvironmentName.ShouldBe("Production");
        second.TeamName.ShouldBe("Globex");
        second.EnvironmentName.ShouldBe("Staging");
        second.TeamId.ShouldNotBe(Tenant.TeamId);
    }
}
