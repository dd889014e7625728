using System.Net.Http.Headers;
using System.Text;

namespace Truto.Plugins.Build.ApplyTests;

public sealed class ApplyIntegrationCommandTests : IntegrationFileScenario
{
    private const int PushableRows = 10; // the fixture's 11 rows less its note

    [Fact]
    public async Task Creates_the_integration_and_its_documentation_rows_without_touching_the_file()
    {
        var path = Write(Acme());
        var before = File.ReadAllText(path);

        var result = await Host.RunAsync("integrations", "apply", path, "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var stored = Emulator.GetIntegrations(Token).ShouldHaveSingleItem();
        ((string?)stored["name"]).ShouldBe("acme-crm");
        ((string?)stored["category"]).ShouldBe("crm");
        ((string?)stored["sharing"]).ShouldBe("ask");
        JToken.DeepEquals(stored["config"], Acme()["config"]).ShouldBeTrue(stored["config"]!.ToString());
        var output = Read(result.Stdout);
        ((string?)output["integration"]).ShouldBe("created");
        ((string?)output["integration_id"]).ShouldBe((string?)stored["id"]);
        ((int?)output["docs_created"]).ShouldBe(PushableRows);
        Calls().ShouldBe(["POST /integration", "GET /documentation", .. Enumerable.Repeat("POST /documentation", PushableRows)]);
        var post = Read(Emulator.Requests[0].Body);
        post.Properties().Select(p => p.Name).ShouldBe(["name", "config", "category", "sharing"]);
        Emulator.GetDocumentation(Token).ShouldAllBe(row => (string?)row["entity_id"] == (string?)stored["id"] && (string?)row["integration_name"] == "acme-crm");
        Emulator.GetDocumentation(Token).ShouldNotContain(row => (string?)row["type"] == "note");
        File.ReadAllText(path).ShouldBe(before);
    }

    [Fact]
    public async Task Human_output_says_what_was_created_and_how_to_update_next_time()
    {
        var path = Write(Acme());

        var result = await Host.RunAsync("integrations", "apply", path);

        result.ExitCode.ShouldBe(0, result.ToString());
        var id = (string?)Emulator.GetIntegrations(Token).Single()["id"];
        result.Stderr.ShouldContain($"Created integration acme-crm ({id}). Add \"id\": \"{id}\" to {path} so the next apply updates it.");
        result.Stderr.ShouldContain("Documentation: 10 created, 0 updated, 0 unchanged, 1 kept local (note, end_user_guide).");
    }

    [Fact]
    public async Task With_an_id_it_patches_with_the_live_version_and_pushes_only_the_changed_row()
    {
        var seeded = SeedAcme(version: 3);
        var file = Acme();
        file.AddFirst(new JProperty("id", seeded["id"]));
        file["config"]!["label"] = "Acme CRM (EU)";
        ((JArray)file["documentation"]!)[4]["content"] = "Get one contact by its id, with owner, tags and custom fields.";

        var result = await Host.RunAsync("integrations", "apply", Write(file), "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var id = (string)seeded["id"]!;
        Calls().ShouldBe([$"GET /integration/{id}", $"PATCH /integration/{id}", "GET /documentation", $"PATCH /documentation/{Emulator.GetDocumentation(Token)[4]["id"]}"]);
        var patch = Read(Emulator.Requests[1].Body);
        ((int?)patch["version"]).ShouldBe(3);
        patch["name"].ShouldBeNull();
        var stored = Emulator.GetIntegrations(Token).Single();
        ((int?)stored["version"]).ShouldBe(4);
        ((string?)stored["config"]!["label"]).ShouldBe("Acme CRM (EU)");
        ((string?)Emulator.GetDocumentation(Token)[4]["content"]).ShouldBe("Get one contact by its id, with owner, tags and custom fields.");
        var output = Read(result.Stdout);
        ((string?)output["integration"]).ShouldBe("updated");
        ((int?)output["version"]).ShouldBe(4);
        ((int?)output["docs_updated"]).ShouldBe(1);
        ((int?)output["docs_unchanged"]).ShouldBe(PushableRows - 1);
    }

    [Fact]
    public async Task Create_then_update_round_trip_pushes_no_rows_the_second_time()
    {
        var file = Acme();
        var first = await Host.RunAsync("integrations", "apply", Write(file), "-o", "json");
        first.ExitCode.ShouldBe(0, first.ToString());
        file.AddFirst(new JProperty("id", Read(first.Stdout)["integration_id"]));
        Emulator.ClearRequests();

        var second = await Host.RunAsync("integrations", "apply", Write(file), "-o", "json");

        second.ExitCode.ShouldBe(0, second.ToString());
        Calls().ShouldNotContain(c => c.StartsWith("POST", StringComparison.Ordinal));
        Calls().Count(c => c.StartsWith("PATCH /documentation", StringComparison.Ordinal)).ShouldBe(0);
        ((int?)Read(second.Stdout)["docs_unchanged"]).ShouldBe(PushableRows);
        Emulator.GetDocumentation(Token).Count.ShouldBe(PushableRows);
        ((int?)Emulator.GetIntegrations(Token).Single()["version"]).ShouldBe(2);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(400)]
    public async Task A_change_made_meanwhile_is_reported_and_not_overwritten(int staleStatus)
    {
        Emulator.StaleVersionStatus = staleStatus;
        var seeded = SeedAcme();
        var id = (string)seeded["id"]!;
        var file = Acme();
        file.AddFirst(new JProperty("id", id));
        file["config"]!["label"] = "Acme CRM (EU)";
        // The CLI's GET goes straight through (it takes the zero delay, the older fault); its PATCH is held for a
        // moment, and while it waits someone else saves version 2.
        Emulator.Faults.Latency(TimeSpan.Zero, times: 1, pathPrefix: $"/integration/{id}");
        Emulator.Faults.Latency(TimeSpan.FromSeconds(1.5), times: 1, pathPrefix: $"/integration/{id}");

        var apply = Host.RunAsync("integrations", "apply", Write(file));
        await Emulator.WaitForRequestsAsync(requests => requests.Any(r => r.Method == "PATCH"));
        using (var someoneElse = new HttpClient { BaseAddress = Emulator.BaseUrl })
        {
            someoneElse.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var response = await someoneElse.PatchAsync($"/integration/{id}", new StringContent("""{"version":1,"category":"sales"}""", Encoding.UTF8, "application/json"));
            response.IsSuccessStatusCode.ShouldBeTrue();
        }

        var result = await apply;

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain($"integration {id} changed on the server while applying (it was at version 1 when read); nothing was overwritten");
        result.Stderr.ShouldContain("run apply again");
        var stored = Emulator.GetIntegrations(Token).Single();
        ((int?)stored["version"]).ShouldBe(2);
        ((string?)stored["category"]).ShouldBe("sales");
        ((string?)stored["config"]!["label"]).ShouldBe("Acme CRM");
        Calls().ShouldNotContain("GET /documentation");
    }

    [Fact]
    public async Task Dry_run_validates_and_prints_the_plan_without_any_request()
    {
        var file = Acme();
        file.AddFirst(new JProperty("id", "7b1f0c2e-4d5a-4e8b-9c3d-2a1b0c9d8e7f"));

        var human = await Host.RunAsync("integrations", "apply", Write(file), "--dry-run");
        var json = await Host.RunAsync("integrations", "apply", Write(Acme(), "new.integration.json"), "--dry-run", "-o", "json");

        human.ExitCode.ShouldBe(0, human.ToString());
        human.Stderr.ShouldContain("Dry run: no API call was made.");
        human.Stderr.ShouldContain("Would update integration 7b1f0c2e-4d5a-4e8b-9c3d-2a1b0c9d8e7f (acme-crm; GET then PATCH /integration/7b1f0c2e-4d5a-4e8b-9c3d-2a1b0c9d8e7f with the live version) with 7 methods.");
        json.ExitCode.ShouldBe(0, json.ToString());
        json.Stderr.ShouldBeEmpty();
        JToken.DeepEquals(Read(json.Stdout), JObject.Parse("""
            { "dry_run": true, "mode": "create", "name": "acme-crm", "integration_id": null, "methods": 7, "docs_to_compare": 10, "docs_not_pushed": 1 }
            """)).ShouldBeTrue(json.Stdout);
        Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Slug_override_names_the_created_integration()
    {
        var result = await Host.RunAsync("integrations", "apply", Write(Acme()), "--slug-override", "acme-crm-staging", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string?)Read(Emulator.Requests[0].Body)["name"]).ShouldBe("acme-crm-staging");
        ((string?)Emulator.GetIntegrations(Token).Single()["name"]).ShouldBe("acme-crm-staging");
        Emulator.GetDocumentation(Token).ShouldAllBe(row => (string?)row["integration_name"] == "acme-crm-staging");
    }

    [Fact]
    public async Task Slug_override_is_ignored_with_a_warning_on_update()
    {
        var seeded = SeedAcme();
        var file = Acme();
        file.AddFirst(new JProperty("id", seeded["id"]));

        var result = await Host.RunAsync("integrations", "apply", Write(file), "--slug-override", "acme-crm-staging", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain($"warning: --slug-override is ignored: it renames only on create, and the file has an id ({seeded["id"]}), so this is an update");
        ((string?)Emulator.GetIntegrations(Token).Single()["name"]).ShouldBe("acme-crm");
    }

    [Fact]
    public async Task A_bad_slug_override_is_a_usage_error()
    {
        var result = await Host.RunAsync("integrations", "apply", Write(Acme()), "--slug-override", "Acme CRM");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--slug-override 'Acme CRM' is not a slug");
        Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Docs_only_finds_the_integration_by_name_and_pushes_rows_only()
    {
        var seeded = Emulator.SeedIntegration(Token, new JObject { ["name"] = "acme-crm", ["config"] = Acme()["config"] });

        var result = await Host.RunAsync("integrations", "apply", Write(Acme()), "--docs-only", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Calls().ShouldBe(["GET /integration", "GET /documentation", .. Enumerable.Repeat("POST /documentation", PushableRows)]);
        Emulator.Requests[0].Query["name"].ShouldBe("acme-crm");
        ((int?)Emulator.GetIntegrations(Token).Single()["version"]).ShouldBe(1);
        var output = Read(result.Stdout);
        ((string?)output["integration"]).ShouldBe("skipped");
        ((string?)output["integration_id"]).ShouldBe((string?)seeded["id"]);
    }

    [Fact]
    public async Task Docs_only_fails_when_the_integration_does_not_exist()
    {
        var result = await Host.RunAsync("integrations", "apply", Write(Acme()), "--docs-only");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("no integration named 'acme-crm' exists, and --docs-only pushes rows of an existing one");
        Calls().ShouldBe(["GET /integration"]);
    }

    [Fact]
    public async Task An_invalid_file_lists_every_problem_with_its_json_path_and_calls_nothing()
    {
        var file = Acme();
        file["name"] = "Acme CRM";
        file["sharing"] = "public";
        ((JObject)file["config"]!["resources"]!["contacts"]!["list"]!).Remove("path");
        file["config"]!["resources"]!["deals"]!["get"]!["method"] = 42;
        ((JArray)file["documentation"]!)[2]["content"] = new JObject();

        var result = await Host.RunAsync("integrations", "apply", Write(file));

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("  name: \"Acme CRM\" is not a slug: use lower-case letters, digits, '-' and '_'\n");
        result.Stderr.ShouldContain("  sharing: must be one of ask, deny, allow, not \"public\"\n");
        result.Stderr.ShouldContain("  config.resources.contacts.list.path: is required\n");
        result.Stderr.ShouldContain("  config.resources.deals.get.method: must be a non-empty string\n");
        result.Stderr.ShouldContain("  documentation[2].content: must be a string\n");
        result.Stderr.ShouldContain("is not a valid IntegrationFile (5 problems, listed above); nothing was applied");
        Emulator.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{ \"name\": \"acme-crm\", \"config\": { } ,, }", "is not valid JSON")]
    [InlineData("[1, 2]", "holds a JSON array, not an object")]
    public async Task A_file_that_is_not_an_integration_object_fails_with_exit_1(string text, string message)
    {
        var result = await Host.RunAsync("integrations", "apply", WriteText(text));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain(message);
        Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_file_fails_with_exit_1()
    {
        var result = await Host.RunAsync("integrations", "apply", Path.Combine(Folder, "nope.integration.json"));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("nope.integration.json does not exist");
    }

    [Fact]
    public async Task A_server_error_on_the_read_is_retried_and_the_apply_succeeds()
    {
        var seeded = SeedAcme();
        var file = Acme();
        file.AddFirst(new JProperty("id", seeded["id"]));
        Emulator.Faults.Status(500, times: 1, pathPrefix: $"/integration/{seeded["id"]}");

        var result = await Host.RunAsync("integrations", "apply", Write(file), "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Calls().Take(3).ShouldBe([$"GET /integration/{seeded["id"]}", $"GET /integration/{seeded["id"]}", $"PATCH /integration/{seeded["id"]}"]);
        ((int?)Emulator.GetIntegrations(Token).Single()["version"]).ShouldBe(2);
    }

    [Fact]
    public async Task A_server_error_on_create_is_not_retried_and_fails_with_exit_1()
    {
        Emulator.Faults.Status(500, times: 1, pathPrefix: "/integration");

        var result = await Host.RunAsync("integrations", "apply", Write(Acme()));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("the API failed with 500 Internal Server Error on POST /integration");
        Calls().ShouldBe(["POST /integration"]);
        Emulator.GetIntegrations(Token).ShouldBeEmpty();
    }

    [Fact]
    public async Task Creating_a_slug_that_exists_says_to_add_the_id_or_override_the_slug()
    {
        SeedAcme();

        var result = await Host.RunAsync("integrations", "apply", Write(Acme()));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("an integration named 'acme-crm' already exists, so it was not created");
        result.Stderr.ShouldContain("--slug-override");
        Emulator.GetIntegrations(Token).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_id_that_does_not_exist_fails_with_exit_1()
    {
        var file = Acme();
        file.AddFirst(new JProperty("id", "00000000-0000-4000-8000-000000000000"));

        var result = await Host.RunAsync("integrations", "apply", Write(file));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("integration 00000000-0000-4000-8000-000000000000 (the file's id) was not found in this environment");
        Calls().ShouldBe(["GET /integration/00000000-0000-4000-8000-000000000000"]);
    }

    [Fact]
    public async Task A_failing_documentation_push_says_how_far_it_got()
    {
        var seeded = SeedAcme();
        var file = Acme();
        file.AddFirst(new JProperty("id", seeded["id"]));
        ((JArray)file["documentation"]!)[2]["content"] = "List contacts, newest first; filter by update time with updated_at.gt.";
        ((JArray)file["documentation"]!)[4]["content"] = "Get one contact by its id, with owner, tags and custom fields.";
        Emulator.Faults.Status(500, times: 1, pathPrefix: $"/documentation/{Emulator.GetDocumentation(Token)[4]["id"]}");

        var result = await Host.RunAsync("integrations", "apply", Write(file));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("pushing documentation row description contacts.get failed after 0 created and 1 updated");
        result.Stderr.ShouldContain("Run apply again once the cause is fixed");
        Calls().Count(c => c.StartsWith("PATCH /documentation/", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task When_rows_fail_after_a_create_the_error_carries_the_new_id_even_in_json_mode()
    {
        Emulator.Faults.Status(500, times: 4, pathPrefix: "/documentation");

        var result = await Host.RunAsync("integrations", "apply", Write(Acme()), "-o", "json");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        var id = (string?)Emulator.GetIntegrations(Token).ShouldHaveSingleItem()["id"];
        result.Stderr.ShouldContain($"(integration acme-crm was created as {id})");
        result.Stderr.ShouldContain($"Add \"id\": \"{id}\" to ");
    }
}
