using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Profiles.Tests.ProfilesFixture;

namespace Truto.Plugins.Profiles.Tests;

public sealed class ListProfilesCommandTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Lists_profiles_as_a_table_with_the_active_one_marked_and_tokens_masked()
    {
        _host.WithConfig(TwoProfiles);

        var result = await _host.RunAsync(new TestTerminal(interactive: true, width: 100), "profiles", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe("""
            ACTIVE  NAME     API URL                    TOKEN      BYOK KEYS
            *       default  https://api.truto.one      trut…cdef  anthropic
                    staging  https://staging.truto.one  trut…3210

            """.ReplaceLineEndings("\n"));
        result.ShouldNotLeak(DefaultToken, StagingToken, AnthropicKey);
    }

    [Fact]
    public async Task Lists_profiles_as_json_objects_with_the_same_fields_and_no_secrets()
    {
        _host.WithConfig(TwoProfiles);

        var result = await _host.RunAsync("profiles", "list", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var profiles = JArray.Parse(result.Stdout);
        profiles.Count.ShouldBe(2);
        var first = (JObject)profiles[0];
        ((string?)first["name"]).ShouldBe("default");
        ((bool)first["active"]!).ShouldBeTrue();
        ((string?)first["api_url"]).ShouldBe("https://api.truto.one");
        ((string?)first["token"]).ShouldBe("trut…cdef");
        first["byok_keys"]!.ToObject<string[]>().ShouldBe(["anthropic"]);
        ((string?)profiles[1]["default_integrated_account"]).ShouldBe("acc-42");
        ((bool)profiles[1]["active"]!).ShouldBeFalse();
        result.ShouldNotLeak(DefaultToken, StagingToken, AnthropicKey);
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_profile_alias_lists_too()
    {
        _host.WithConfig(TwoProfiles);

        var result = await _host.RunAsync("profile", "ls");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("staging");
    }

    [Fact]
    public async Task With_no_config_yet_lists_nothing_and_says_how_to_start()
    {
        var result = await _host.RunAsync("profiles", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("truto login");
        _host.HasConfig().ShouldBeFalse();
    }

    [Fact]
    public async Task A_corrupt_config_fails_with_the_file_and_line_while_help_and_plugins_list_still_work()
    {
        _host.WithConfig("{\n  \"profiles\": {\n    \"default\": { \"token\": \"x\" ,,\n");
        var before = _host.ConfigText();

        var list = await _host.RunAsync("profiles", "list");
        var help = await _host.RunAsync("--help");
        var plugins = await _host.RunAsync("plugins", "list");

        list.ExitCode.ShouldBe(1);
        list.Stderr.ShouldContain("config.json");
        list.Stderr.ShouldContain("line 3");
        list.Stderr.ShouldContain("move it away");
        help.ExitCode.ShouldBe(0);
        plugins.ExitCode.ShouldBe(0);
        _host.ConfigText().ShouldBe(before);
    }
}
