using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Build.Tests.BuildFixture;

namespace Truto.Plugins.Build.Tests;

/// <summary>Every real input builds with --no-llm through the real command, into a well-formed file with the facts the inputs README lists.</summary>
public sealed class RealInputsTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<JObject> BuildAsync(params string[] args)
    {
        var (result, file, path) = await _host.BuildAsync([.. args, "--no-llm"]);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe(path + "\n");
        file.ShouldNotBeNull();
        ShapeProblems(file).ShouldBeEmpty();
        return file;
    }

    [Theory]
    [InlineData(PagerDuty, "pagerduty", 3, 12)]
    [InlineData(SendGrid, "sendgrid", 2, 7)]
    [InlineData(BigCommerce, "bigcommerce", 10, 34)]
    [InlineData(Harbor, "harbor", 83, 203)]
    [InlineData(Intercom, "intercom", 69, 164)]
    [InlineData(Wise, "tw", 34, 54)]
    public async Task Every_input_builds_into_a_well_formed_file_with_a_derived_slug(string input, string slug, int resources, int methods)
    {
        var file = await BuildAsync(Input(input));

        ((string)file["name"]!).ShouldBe(slug);
        file.Resources().Count.ShouldBe(resources);
        file.MethodCount().ShouldBe(methods);
        var documented = ((JArray)file["documentation"]!).Where(r => (string?)r["type"] == "description").Select(r => $"{r["resource"]}.{r["method"]}").ToHashSet();
        documented.Count.ShouldBe(methods, "every method has a description row");
        ((JArray)file["documentation"]!).Count(r => (string?)r["type"] == "readme").ShouldBe(1);
    }

    [Fact]
    public async Task PagerDuty_sends_the_key_as_Token_token_in_Authorization_with_per_method_servers_and_offset_paging()
    {
        var file = await BuildAsync(Input(PagerDuty));
        var config = file["config"]!;

        config["base_url"]!.ToString().ShouldBe("https://api.pagerduty.com/integration-slack");
        config["authorization"]!["format"]!.ToString().ShouldBe("header");
        config["authorization"]!["config"]!["headers"]!["Authorization"]!.ToString().ShouldBe("Token token={{api_key}}");
        file.FieldNames().ShouldBe(["api_key"]);
        ((JArray)file["audit_notes"]!).ShouldContain(n => n["message"]!.ToString().Contains("bearerAuth"), "the bearer alternative is noted");

        var list = file.Method("workspace_connections", "list");
        list["base_url"]!.ToString().ShouldBe("https://app.pagerduty.com/integration-slack");
        list["response_path"]!.ToString().ShouldBe("slack_connections");
        file.Method("workspace_connections", "get")["path"]!.ToString().ShouldBe("/workspaces/{{query.slack_team_id}}/connections/{{id}}");

        config["pagination"]!["format"]!.ToString().ShouldBe("offset");
        config["pagination"]!["config"]!["has_more_field"]!.ToString().ShouldBe("more");
        config["rate_limit"].ShouldBeNull("the spec says nothing about rate limits");

        // The singleton dedicated channel: no id of its own, so custom names rather than item CRUD.
        file.Resources()["incidents"]!.ToObject<JObject>()!.Properties().Select(p => p.Name)
            .ShouldBe(["get_dedicated_channel", "create_dedicated_channel", "delete_dedicated_channel"]);
    }

    [Fact]
    public async Task SendGrid_is_bearer_with_an_opaque_page_token_and_custom_contact_methods()
    {
        var file = await BuildAsync(Input(SendGrid));
        var config = file["config"]!;

        config["base_url"]!.ToString().ShouldBe("https://api.sendgrid.com/v3");
        config["authorization"]!["format"]!.ToString().ShouldBe("bearer");
        config["authorization"]!["config"]!["token"]!.ToString().ShouldBe("{{api_key}}");
        config["pagination"]!["format"]!.ToString().ShouldBe("cursor");
        config["pagination"]!["config"]!["cursor_query_param"]!.ToString().ShouldBe("page_token");
        config["pagination"]!["config"]!["cursor_field"]!.ToString().ShouldBe("_metadata.next");

        file.Resources()["lists"]!.ToObject<JObject>()!.Properties().Select(p => p.Name).ShouldBe(["list", "create", "get", "update", "delete"], ignoreOrder: true);
        file.Method("list_contacts", "count")["path"]!.ToString().ShouldBe("/marketing/lists/{{query.list_id}}/contacts/count");
        file.Method("list_contacts", "batch_delete")["method"]!.ToString().ShouldBe("delete");
    }

    [Fact]
    public async Task BigCommerce_keeps_store_hash_as_a_connection_variable_and_pages_by_page_number()
    {
        var file = await BuildAsync(Input(BigCommerce));
        var config = file["config"]!;

        config["base_url"]!.ToString().ShouldBe("https://api.bigcommerce.com/stores/{{store_hash}}/v3");
        file.FieldNames().ShouldBe(["api_key", "store_hash"]);
        config["authorization"]!["config"]!["headers"]!["X-Auth-Token"]!.ToString().ShouldBe("{{api_key}}");
        config["pagination"]!["format"]!.ToString().ShouldBe("page");
        config["pagination"]!["config"]!["page_query_param"]!.ToString().ShouldBe("page");
        config["pagination"]!["config"]!["limit_query_param"]!.ToString().ShouldBe("limit");
        config["rate_limit"]!["is_rate_limited"].ShouldNotBeNull("one operation documents a 429");

        // No GET /customers/{id}: a record is read through the list; writes are batches on the collection.
        var customers = file.Resources()["customers"]!.ToObject<JObject>()!;
        customers.ContainsKey("get").ShouldBeFalse();
        customers.Properties().Select(p => p.Name).ShouldContain("batch_update");
        customers.Properties().Select(p => p.Name).ShouldContain("batch_delete");
        customers["validate_credentials"]!["path"]!.ToString().ShouldBe("/customers/validate-credentials");
    }

    [Fact]
    public async Task BigCommerce_with_its_rate_limit_page_takes_the_headers_from_the_doc()
    {
        var file = await BuildAsync(Input(BigCommerce), Input(RateLimitPage));

        var rateLimit = file["config"]!["rate_limit"]!;
        rateLimit["rate_limit_header_expression"]!.ToString().ShouldContain("x-rate-limit-requests-left");
        rateLimit["retry_after_header_expression"]!.ToString().ShouldContain("x-rate-limit-time-reset-ms");
        ((JArray)file["documentation"]!).Single(r => (string?)r["type"] == "readme")["content"]!.ToString().ShouldContain("X-Rate-Limit-Requests-Quota");
        file.MethodCount().ShouldBe(34, "the doc page adds context, not methods");
    }

    [Fact]
    public async Task Harbor_is_self_hosted_basic_auth_paged_by_Link_header()
    {
        var file = await BuildAsync(Input(Harbor));
        var config = file["config"]!;

        config["base_url"]!.ToString().ShouldBe("{{instance_url}}/api/v2.0");
        file.FieldNames().ShouldBe(["username", "password", "instance_url"]);
        config["authorization"]!["format"]!.ToString().ShouldBe("basic");
        config["pagination"]!["format"]!.ToString().ShouldBe("link_header");
        config["pagination"]!["config"]!["limit_query_param"]!.ToString().ShouldBe("page_size");
        file.Method("projects", "exists")["method"]!.ToString().ShouldBe("head");
        file.Method("projects", "get")["path"]!.ToString().ShouldBe("/projects/{{id}}");
        ((JArray)file["audit_notes"]!).Count(n => n["message"]!.ToString().Contains("deprecated")).ShouldBe(3);
        ((JArray)file["audit_notes"]!).ShouldContain(n => n["message"]!.ToString().Contains("authentication optional"));
    }

    [Fact]
    public async Task Wise_takes_bearer_from_literal_headers_and_the_host_variable()
    {
        var file = await BuildAsync(Input(Wise), "wise");
        var config = file["config"]!;

        ((string)file["name"]!).ShouldBe("wise");
        config["base_url"]!.ToString().ShouldBe("{{host}}");
        file.FieldNames().ShouldBe(["api_key", "host"]);
        config["authorization"]!["format"]!.ToString().ShouldBe("bearer");
        config["pagination"].ShouldBeNull();
        file.Resources()["transfers"]!.ToObject<JObject>()!.Properties().Select(p => p.Name).ShouldBe(["create", "list", "get"]);
        file.Method("quote_pay_in_methods", "list")["path"]!.ToString().ShouldBe("/v1/quotes/{{query.quote_id}}/pay-in-methods", "<quoteId> placeholders are parameters");
    }

    [Fact]
    public async Task Intercom_takes_bearer_from_the_collection_auth_and_its_version_header()
    {
        var file = await BuildAsync(Input(Intercom));
        var config = file["config"]!;

        config["base_url"]!.ToString().ShouldBe("https://api.intercom.io");
        config["authorization"]!["format"]!.ToString().ShouldBe("bearer");
        config["headers"]!["Intercom-Version"]!.ToString().ShouldBe("2.15");
        var contacts = file.Resources()["contacts"]!.ToObject<JObject>()!.Properties().Select(p => p.Name).ToList();
        contacts.ShouldBe(["list", "get", "create", "update", "delete", "search", "merge", "archive", "unarchive", "block"], ignoreOrder: true);
        file.Method("contacts", "get")["path"]!.ToString().ShouldBe("/contacts/{{id}}");
    }
}
