using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Profiles.Tests.ProfilesFixture;

namespace Truto.Plugins.Profiles.Tests;

public sealed class SetAndGetProfileKeyCommandTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public SetAndGetProfileKeyCommandTests() => _host.WithConfig(TwoProfiles);

    public void Dispose() => _host.Dispose();

    private JObject Profile(string name) => (JObject)JObject.Parse(_host.ConfigText())["profiles"]![name]!;

    [Theory]
    [InlineData("defaultIntegratedAccount")]
    [InlineData("default_integrated_account")]
    [InlineData("default-integrated-account")]
    public async Task Sets_a_key_given_in_any_spelling_under_its_canonical_name(string spelling)
    {
        var result = await _host.RunAsync("profiles", "set", spelling, "acc-7");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string?)Profile("default")["defaultIntegratedAccount"]).ShouldBe("acc-7");
        result.Stderr.ShouldContain("Set defaultIntegratedAccount on profile 'default'");
    }

    [Fact]
    public async Task Sets_a_key_on_the_profile_named_with_p()
    {
        var result = await _host.RunAsync("profiles", "set", "apiUrl", "http://127.0.0.1:9000", "-p", "staging");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string?)Profile("staging")["apiUrl"]).ShouldBe("http://127.0.0.1:9000");
        ((string?)Profile("default")["apiUrl"]).ShouldBe("https://api.truto.one");
        result.Stderr.ShouldNotContain("warning");
    }

    [Fact]
    public async Task Warns_about_plain_http_to_a_remote_host_but_saves_it()
    {
        var result = await _host.RunAsync("profiles", "set", "api-url", "http://api.example.com");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("warning: http://api.example.com is plain http");
        ((string?)Profile("default")["apiUrl"]).ShouldBe("http://api.example.com");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://api.truto.one")]
    [InlineData("/relative/path")]
    public async Task Rejects_an_api_url_that_is_not_absolute_http_and_changes_nothing(string value)
    {
        var before = _host.ConfigText();

        var result = await _host.RunAsync("profiles", "set", "apiUrl", value);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("apiUrl must be an absolute http(s) URL");
        _host.ConfigText().ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_key_is_a_usage_error_listing_the_allowed_keys()
    {
        var result = await _host.RunAsync("profiles", "set", "token", "x");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldBe("""
            error: unknown profile key 'token'
            Allowed keys: apiUrl, defaultIntegratedAccount, anthropicApiKey, firecrawlApiKey, fireworksApiKey, integrationConfigDir (snake_case and kebab-case work too).

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Gets_a_plain_value_for_scripts()
    {
        var result = await _host.RunAsync("profiles", "get", "api_url", "-p", "staging");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe("https://staging.truto.one\n");
    }

    [Fact]
    public async Task Gets_a_secret_key_masked_unless_revealed()
    {
        var masked = await _host.RunAsync("profiles", "get", "anthropicApiKey");
        var revealed = await _host.RunAsync("profiles", "get", "anthropic-api-key", "--reveal");

        masked.ExitCode.ShouldBe(0, masked.ToString());
        masked.Stdout.ShouldBe("sk-a…0000\n");
        masked.ShouldNotLeak(AnthropicKey);
        revealed.Stdout.ShouldBe(AnthropicKey + "\n");
    }

    [Fact]
    public async Task Gets_a_value_as_a_json_object()
    {
        var result = await _host.RunAsync("profiles", "get", "apiUrl", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JObject.Parse(result.Stdout).ShouldBe(JObject.Parse("""{ "profile": "default", "key": "apiUrl", "value": "https://api.truto.one" }"""), JToken.EqualityComparer);
    }

    [Fact]
    public async Task Getting_an_unset_key_fails_and_says_how_to_set_it()
    {
        var result = await _host.RunAsync("profiles", "get", "integrationConfigDir");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("integrationConfigDir is not set on profile 'default'");
        result.Stderr.ShouldContain("truto profiles set integrationConfigDir");
    }

    [Fact]
    public async Task An_unknown_profile_named_with_p_is_a_usage_error()
    {
        var result = await _host.RunAsync("profiles", "get", "apiUrl", "-p", "nope");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("Existing profiles: default, staging.");
    }

    [Theory]
    [InlineData("set", "apiUrl", "https://api.truto.one")]
    [InlineData("get", "apiUrl")]
    [InlineData("set-key", "anthropic", "sk-ant-whatever-000")]
    public async Task Without_any_profile_set_get_and_set_key_tell_the_user_to_log_in_first(params string[] args)
    {
        using var empty = new TrutoTestHost();

        var result = await empty.RunAsync(["profiles", .. args]);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("""
            error: there is no profile yet
            Run 'truto login' first.

            """.ReplaceLineEndings("\n"));
        empty.HasConfig().ShouldBeFalse();
    }
}
