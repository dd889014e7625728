using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Comfort;

/// <summary><c>truto __complete &lt;words...&gt;</c>: the last word is the one being completed (empty after a space).</summary>
public sealed class CompleterTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public CompleterTests()
    {
        _host.AddPlugin(LiveTree.GreeterAssembly);
        File.WriteAllText(Path.Combine(_host.ConfigDirectory, "config.json"),
            """{ "activeProfile": "default", "profiles": { "default": {}, "staging": {}, "prod-eu": {} } }""");
    }

    public void Dispose() => _host.Dispose();

    private async Task<string[]> CompleteAsync(params string[] words)
    {
        var result = await _host.RunAsync(["__complete", .. words]);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Offers_every_top_level_command_of_every_plugin_and_of_truto_itself()
    {
        var candidates = await CompleteAsync("");

        candidates.ShouldBe(
            ["api-tokens", "login", "logout", "whoami", "integrations", "profiles", "use", "greet", "plugins", "completion", "context"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Offers_only_the_candidates_that_start_with_the_word_typed()
    {
        (await CompleteAsync("pro")).ShouldBe(["profiles"]);
        (await CompleteAsync("profiles", "se")).ShouldBe(["set", "set-key"], ignoreOrder: true);
    }

    [Fact]
    public async Task Offers_the_subcommands_of_a_group_and_of_a_plugin_added_at_run_time()
    {
        (await CompleteAsync("profiles", "")).ShouldBe(["list", "use", "set", "get", "set-key"], ignoreOrder: true);
        (await CompleteAsync("greet", "")).ShouldBe(["hello", "languages"], ignoreOrder: true);
    }

    [Fact]
    public async Task Offers_the_output_formats_after_o_wherever_it_appears()
    {
        (await CompleteAsync("-o", "")).ShouldBe(["table", "json", "ndjson", "csv", "yaml"]);
        (await CompleteAsync("api-tokens", "list", "--output", "n")).ShouldBe(["ndjson"]);
    }

    [Fact]
    public async Task Offers_the_saved_profile_names_after_p_for_use_and_for_logout()
    {
        (await CompleteAsync("whoami", "-p", "")).ShouldBe(["default", "prod-eu", "staging"]);
        (await CompleteAsync("--profile", "st")).ShouldBe(["staging"]);
        (await CompleteAsync("use", "")).ShouldBe(["default", "prod-eu", "staging"]);
        (await CompleteAsync("profiles", "use", "p")).ShouldBe(["prod-eu"]);
        (await CompleteAsync("logout", "--profile-name", "")).ShouldBe(["default", "prod-eu", "staging"]);
    }

    [Fact]
    public async Task Offers_the_profile_key_names_for_profiles_set_and_get_and_the_providers_for_set_key()
    {
        var keys = new[] { "apiUrl", "defaultIntegratedAccount", "anthropicApiKey", "firecrawlApiKey", "fireworksApiKey", "integrationConfigDir" };
        (await CompleteAsync("profiles", "set", "")).ShouldBe(keys, ignoreOrder: true);
        (await CompleteAsync("profiles", "get", "f")).ShouldBe(["firecrawlApiKey", "fireworksApiKey"], ignoreOrder: true);
        (await CompleteAsync("profiles", "set-key", "")).ShouldBe(["anthropic", "firecrawl", "fireworks"]);
        (await CompleteAsync("profiles", "set", "apiUrl", "")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Offers_a_commands_own_options_and_the_global_ones_after_a_dash()
    {
        var candidates = await CompleteAsync("greet", "hello", "--");

        candidates.ShouldContain("--shout");
        candidates.ShouldContain("--times");
        candidates.ShouldContain("--language");
        candidates.ShouldContain("--output");
        candidates.ShouldContain("--no-color");
    }

    [Fact]
    public async Task Skips_option_values_while_finding_the_command_being_typed()
    {
        (await CompleteAsync("-o", "json", "-p", "staging", "profiles", "g")).ShouldBe(["get"]);
    }

    [Fact]
    public async Task Offers_nothing_after_an_unknown_command_and_never_complains()
    {
        (await CompleteAsync("frobnicate", "")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Offers_no_profile_names_from_a_config_file_that_does_not_parse_and_never_complains()
    {
        File.WriteAllText(Path.Combine(_host.ConfigDirectory, "config.json"), "{ not json");

        (await CompleteAsync("use", "")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Is_not_listed_as_a_command()
    {
        var help = await _host.RunAsync("--help");

        help.Stdout.ShouldNotContain("__complete");
        (await CompleteAsync("__")).ShouldBeEmpty();
    }
}
