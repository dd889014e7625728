using Newtonsoft.Json;

namespace Truto.Emulator.Tests.Resources;

public sealed class ApiTokensTests : EmulatorScenario
{
    [Fact]
    public async Task Lists_the_three_seeded_tokens_in_creation_order_without_secrets()
    {
        var (status, page) = await GetJsonAsync("/api-token");

        status.ShouldBe(200);
        var rows = page["result"]!.Cast<JObject>().ToList();
        rows.Select(r => (string?)r["name"]).ShouldBe(["CI deploy token", "Staging sync worker", "Local development"]);
        rows.ShouldAllBe(r => r.Properties().Select(p => p.Name).SequenceEqual(
            new[] { "id", "name", "environment_id", "created_by", "expires_at", "created_at", "updated_at" }));
        rows.ShouldAllBe(r => (string?)r["environment_id"] == Tenant.EnvironmentId);
        page.ToString().ShouldNotContain(Token);
    }

    [Fact]
    public async Task A_page_copied_from_the_rows_kept_json_is_byte_for_byte_what_newtonsoft_writes()
    {
        Emulator.SeedApiTokens(Token, 7); // ten rows with the three every tenant has: two pages of five
        var rows = Emulator.GetApiTokens(Token);
        string Expected(int offset, int limit, string? cursor) => new JObject
        {
            ["result"] = new JArray(rows.Skip(offset).Take(limit)),
            ["next_cursor"] = cursor,
            ["limit"] = limit,
        }.ToString(Formatting.None);

        var first = await Client.GetStringAsync("/api-token?limit=5");
        var again = await Client.GetStringAsync("/api-token?limit=5");
        var cursor = (string)JObject.Parse(first)["next_cursor"]!;
        var last = await Client.GetStringAsync($"/api-token?limit=5&next_cursor={cursor}");

        first.ShouldBe(Expected(0, 5, cursor));
        again.ShouldBe(first);
        last.ShouldBe(Expected(5, 5, null));
        rows.ShouldContain(r => r["expires_at"]!.Type == JTokenType.Null);
        rows.ShouldContain(r => r["expires_at"]!.Type == JTokenType.String);
    }

    [Fact]
    public void Seeded_tokens_look_real_and_have_unique_names()
    {
        var rows = Emulator.SeedApiTokens(Token, 45);

        rows.Count.ShouldBe(45);
        rows[0]["name"]!.ToString().ShouldBe("Data warehouse export");
        Emulator.GetApiTokens(Token).Select(r => (string?)r["name"]).ShouldBeUnique();
        foreach (var row in rows)
        {
            row["id"].ShouldBeUuid();
            row["created_by"].ShouldBeUuid();
            row["created_at"].ShouldBeTimestamp();
            row["updated_at"].ShouldBeTimestamp();
            if (row["expires_at"]!.Type != JTokenType.Null)
            {
                row["expires_at"].ShouldBeTimestamp();
            }
        }

        rows.ShouldContain(r => r["expires_at"]!.Type == JTokenType.Null);
        rows.ShouldContain(r => r["expires_at"]!.Type == JTokenType.String);
    }

    [Fact]
    public async Task Gets_a_token_by_id_exactly_as_seeded()
    {
        var seeded = Emulator.SeedApiTokens(Token, 1)[0];

        var (status, row) = await GetJsonAsync($"/api-token/{seeded["id"]}");

        status.ShouldBe(200);
        JToken.DeepEquals(row, seeded).ShouldBeTrue(row.ToString());
    }

    [Fact]
    public async Task An_unknown_token_id_is_404_API_token_not_found()
    {
        var (status, body) = await GetJsonAsync("/api-token/5a3c1e9f-7b2d-4f6a-8c0e-1d9b7a5f3e21");

        status.ShouldBe(404);
        ShouldBeErrorEnvelope(body, 404, "Not Found", "API token not found");
    }

    [Fact]
    public async Task The_name_filter_matches_whole_names_only()
    {
        Emulator.SeedApiTokens(Token, 30);

        var (_, exact) = await GetJsonAsync("/api-token?name=Local%20development");
        var (_, partial) = await GetJsonAsync("/api-token?name=Local");

        exact["result"]!.Select(r => (string?)r["name"]).ShouldBe(["Local development"]);
        ((JArray)partial["result"]!).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_environment_filter_with_the_tokens_own_environment_lists_everything()
    {
        var (_, page) = await GetJsonAsync($"/api-token?environment_id={Tenant.EnvironmentId}");

        ((JArray)page["result"]!).Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_environment_filter_with_another_environment_is_an_empty_list_not_a_404()
    {
        var other = Emulator.AddToken("truto_tok_OTHER_fedcba9876543210");

        var (status, page) = await GetJsonAsync($"/api-token?environment_id={other.EnvironmentId}");

        status.ShouldBe(200);
        ((JArray)page["result"]!).ShouldBeEmpty();
        page["next_cursor"]!.Type.ShouldBe(JTokenType.Null);
    }

    [Fact]
    public void Seeding_tokens_for_an_unknown_token_names_the_fix()
    {
        var error = Should.Throw<ArgumentException>(() => Emulator.SeedApiTokens("truto_tok_NOBODY", 5));

        error.Message.ShouldContain("AddToken(\"truto_tok_NOBODY\")");
    }
}
