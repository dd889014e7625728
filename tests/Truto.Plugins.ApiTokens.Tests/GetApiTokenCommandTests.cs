using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;

namespace Truto.Plugins.ApiTokens.Tests;

[Collection(nameof(ApiTokensFixture))]
public sealed class GetApiTokenCommandTests(ApiTokensFixture api) : IDisposable
{
    private readonly TrutoTestHost _host = api.NewHost();

    public void Dispose() => _host.Dispose();

    private JObject Sample => api.AllTokens[7];

    [Fact]
    public async Task Gets_one_token_as_json_by_default_exactly_as_the_api_returned_it()
    {
        var result = await _host.RunAsync("api-tokens", "get", (string)Sample["id"]!);

        result.ExitCode.ShouldBe(0, result.ToString());
        JToken.DeepEquals(ApiTokensFixture.ParseKeepingDates(result.Stdout), Sample).ShouldBeTrue(result.Stdout);
    }

    [Fact]
    public async Task Brief_keeps_only_the_list_columns()
    {
        var result = await _host.RunAsync("api-tokens", "get", (string)Sample["id"]!, "--brief");

        result.ExitCode.ShouldBe(0, result.ToString());
        ApiTokensFixture.ParseKeepingDates(result.Stdout).Properties().Select(p => p.Name).ShouldBe(["id", "name", "environment_id", "expires_at", "created_at"]);
    }

    [Fact]
    public async Task Select_keeps_the_named_fields_in_the_given_order()
    {
        var result = await _host.RunAsync("api-tokens", "get", (string)Sample["id"]!, "--select", "name,id");

        result.ExitCode.ShouldBe(0, result.ToString());
        ApiTokensFixture.ParseKeepingDates(result.Stdout).ShouldBe(new JObject { ["name"] = Sample["name"], ["id"] = Sample["id"] }, JToken.EqualityComparer);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_in_this_environment()
    {
        var result = await _host.RunAsync("api-tokens", "get", "00000000-0000-4000-8000-000000000000");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldStartWith("error: API token 00000000-0000-4000-8000-000000000000 not found in this environment\n");
    }

    [Fact]
    public async Task Brief_and_select_together_are_a_usage_error()
    {
        var result = await _host.RunAsync("api-tokens", "get", "x", "--brief", "--select", "id");

        result.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task The_group_help_says_tokens_are_managed_in_the_dashboard()
    {
        var result = await _host.RunAsync("api-tokens", "--help");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("created and deleted in the Truto dashboard");
    }
}
