using System.Text;

namespace Truto.Emulator.Tests.Resources;

public sealed class IntegrationsTests : EmulatorScenario
{
    private static readonly JObject AcmeConfig = JObject.Parse("""
        { "label": "Acme CRM", "base_url": "https://api.acme.example/v2",
          "headers": { "Accept": "application/json" },
          "resources": { "contacts": { "list": { "method": "get", "path": "/contacts" } } } }
        """);

    private async Task<(int Status, JObject Body)> SendJsonAsync(HttpMethod method, string path, JToken body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Creating_an_integration_stores_it_at_version_1_in_the_tokens_team()
    {
        var (status, created) = await SendJsonAsync(HttpMethod.Post, "/integration", new JObject { ["name"] = "acme-crm", ["category"] = "crm", ["config"] = AcmeConfig });

        status.ShouldBe(201);
        created["id"].ShouldBeUuid();
        ((int?)created["version"]).ShouldBe(1);
        ((string?)created["team_id"]).ShouldBe(Tenant.TeamId);
        created["created_at"].ShouldBeTimestamp();
        JToken.DeepEquals(created["config"], AcmeConfig).ShouldBeTrue();
        Emulator.GetIntegrations(Token).Single()["id"]!.ToString().ShouldBe(created["id"]!.ToString());
    }

    [Fact]
    public async Task Creating_without_config_or_with_a_taken_name_is_refused_with_an_envelope()
    {
        Emulator.SeedIntegration(Token, new JObject { ["name"] = "acme-crm", ["config"] = AcmeConfig });

        var (missing, missingBody) = await SendJsonAsync(HttpMethod.Post, "/integration", new JObject { ["name"] = "other" });
        var (taken, takenBody) = await SendJsonAsync(HttpMethod.Post, "/integration", new JObject { ["name"] = "acme-crm", ["config"] = AcmeConfig });

        missing.ShouldBe(400);
        ShouldBeErrorEnvelope(missingBody, 400, "Bad Request", "config is required and must be an object");
        taken.ShouldBe(409);
        ShouldBeErrorEnvelope(takenBody, 409, "Conflict", "An integration named 'acme-crm' already exists in this team");
    }

    [Fact]
    public async Task Lists_by_slug_with_cursor_pagination()
    {
        foreach (var slug in new[] { "acme-crm", "globex-hris", "initech-ats" })
        {
            Emulator.SeedIntegration(Token, new JObject { ["name"] = slug, ["config"] = new JObject() });
        }

        var (_, first) = await GetJsonAsync("/integration?limit=2");
        var (_, second) = await GetJsonAsync($"/integration?limit=2&next_cursor={first["next_cursor"]}");
        var (_, bySlug) = await GetJsonAsync("/integration?name=globex-hris");

        first["result"]!.Select(r => (string?)r["name"]).ShouldBe(["acme-crm", "globex-hris"]);
        second["result"]!.Select(r => (string?)r["name"]).ShouldBe(["initech-ats"]);
        second["next_cursor"]!.Type.ShouldBe(JTokenType.Null);
        bySlug["result"]!.Select(r => (string?)r["name"]).ShouldBe(["globex-hris"]);
    }

    [Fact]
    public async Task Patch_with_the_current_version_deep_merges_config_and_bumps_the_version()
    {
        var seeded = Emulator.SeedIntegration(Token, new JObject { ["name"] = "acme-crm", ["config"] = AcmeConfig });

        var (status, updated) = await SendJsonAsync(HttpMethod.Patch, $"/integration/{seeded["id"]}", JObject.Parse("""
            { "version": 1, "config": { "label": "Acme", "headers": null, "resources": { "deals": { "list": { "method": "get", "path": "/deals" } } } } }
            """));

        status.ShouldBe(200);
        ((int?)updated["version"]).ShouldBe(2);
        ((string?)updated["config"]!["label"]).ShouldBe("Acme");
        ((string?)updated["config"]!["base_url"]).ShouldBe("https://api.acme.example/v2");
        updated["config"]!["headers"].ShouldBeNull();
        ((JObject)updated["config"]!["resources"]!).Properties().Select(p => p.Name).ShouldBe(["contacts", "deals"]);
    }

    [Theory]
    [InlineData(409, "Conflict")]
    [InlineData(400, "Bad Request")]
    public async Task Patch_with_a_stale_version_changes_nothing(int staleStatus, string error)
    {
        Emulator.StaleVersionStatus = staleStatus;
        var seeded = Emulator.SeedIntegration(Token, new JObject { ["name"] = "acme-crm", ["config"] = AcmeConfig, ["version"] = 4 });

        var (status, body) = await SendJsonAsync(HttpMethod.Patch, $"/integration/{seeded["id"]}", new JObject { ["version"] = 3, ["category"] = "hris" });

        status.ShouldBe(staleStatus);
        ShouldBeErrorEnvelope(body, staleStatus, error, "version 3 is stale: the integration is at version 4; re-read it and apply your change again");
        JToken.DeepEquals(Emulator.GetIntegrations(Token).Single(), seeded).ShouldBeTrue();
    }

    [Fact]
    public async Task Patch_without_a_version_is_a_400()
    {
        var seeded = Emulator.SeedIntegration(Token, new JObject { ["name"] = "acme-crm", ["config"] = AcmeConfig });

        var (status, _) = await SendJsonAsync(HttpMethod.Patch, $"/integration/{seeded["id"]}", new JObject { ["category"] = "hris" });

        status.ShouldBe(400);
    }

    [Fact]
    public async Task Get_accepts_id_or_slug_and_delete_removes_it()
    {
        var seeded = Emulator.SeedIntegration(Token, new JObject { ["name"] = "acme-crm", ["config"] = AcmeConfig });

        var (byId, _) = await GetJsonAsync($"/integration/{seeded["id"]}");
        var (bySlug, row) = await GetJsonAsync("/integration/acme-crm");
        using var deleted = await Client.DeleteAsync($"/integration/{seeded["id"]}");
        var (afterDelete, body) = await GetJsonAsync($"/integration/{seeded["id"]}");

        byId.ShouldBe(200);
        bySlug.ShouldBe(200);
        ((string?)row["id"]).ShouldBe((string?)seeded["id"]);
        ((int)deleted.StatusCode).ShouldBe(200);
        afterDelete.ShouldBe(404);
        ShouldBeErrorEnvelope(body, 404, "Not Found", "Integration not found");
    }

    [Fact]
    public async Task Documentation_rows_are_listed_per_integration_and_updated_in_place()
    {
        var seeded = Emulator.SeedIntegration(Token, new JObject { ["name"] = "acme-crm", ["config"] = AcmeConfig });
        var other = Emulator.SeedIntegration(Token, new JObject { ["name"] = "globex-hris", ["config"] = new JObject() });
        Emulator.SeedDocumentation(Token, new JObject { ["entity_id"] = other["id"], ["type"] = "readme", ["content"] = "# Globex" });

        var (created, row) = await SendJsonAsync(HttpMethod.Post, "/documentation", new JObject
        {
            ["integration_id"] = seeded["id"], ["type"] = "description", ["resource"] = "contacts", ["method"] = "list", ["content"] = "Lists contacts.",
        });
        var (patched, updated) = await SendJsonAsync(HttpMethod.Patch, $"/documentation/{row["id"]}", new JObject { ["content"] = "Lists every contact." });
        var (_, page) = await GetJsonAsync($"/documentation?integration_id={seeded["id"]}&method=list");
        var (bare, bareBody) = await GetJsonAsync("/documentation");

        created.ShouldBe(201);
        ((string?)row["entity_type"]).ShouldBe("integration");
        ((string?)row["entity_id"]).ShouldBe((string?)seeded["id"]);
        patched.ShouldBe(200);
        ((string?)updated["content"]).ShouldBe("Lists every contact.");
        page["result"]!.Select(r => (string?)r["content"]).ShouldBe(["Lists every contact."]);
        bare.ShouldBe(400);
        ((string?)bareBody["message"]).ShouldStartWith("One of integration_id");
    }
}
