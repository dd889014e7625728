using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Auth.Tests.AuthFixture;

namespace Truto.Plugins.Auth.Tests;

public sealed class LogoutCommandTests : IDisposable
{
    private readonly TrutoTestHost _host = NewHost();

    public LogoutCommandTests() => _host.WriteConfig($$"""
        {
          "activeProfile": "default",
          "profiles": {
            "default": { "apiUrl": "https://api.truto.one", "token": "{{ValidToken}}", "firecrawlApiKey": "fc-keep-0000000000" },
            "staging": { "token": "{{OtherValidToken}}" }
          }
        }
        """);

    public void Dispose() => _host.Dispose();

    private JObject Profile(string name) => (JObject)JObject.Parse(_host.ConfigText()!)["profiles"]![name]!;

    [Fact]
    public async Task Removes_the_active_profiles_token_and_keeps_its_other_settings()
    {
        var result = await _host.RunAsync("logout");

        result.ExitCode.ShouldBe(0, result.ToString());
        Profile("default")["token"].ShouldBeNull();
        ((string?)Profile("default")["firecrawlApiKey"]).ShouldBe("fc-keep-0000000000");
        ((string?)Profile("staging")["token"]).ShouldBe(OtherValidToken);
        result.Stderr.ShouldContain("Logged out of profile 'default'");
    }

    [Fact]
    public async Task Profile_name_selects_another_profile()
    {
        var result = await _host.RunAsync("logout", "--profile-name", "staging");

        result.ExitCode.ShouldBe(0, result.ToString());
        Profile("staging")["token"].ShouldBeNull();
        ((string?)Profile("default")["token"]).ShouldBe(ValidToken);
    }

    [Fact]
    public async Task Asks_on_a_terminal_and_changes_nothing_when_declined()
    {
        var before = _host.ConfigText();

        var result = await _host.RunAsync(new TestTerminal(input: "n\n", interactive: true), "logout");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("Remove the API token of profile 'default'? [y/N]");
        _host.ConfigText().ShouldBe(before);
    }

    [Fact]
    public async Task Force_skips_the_question_on_a_terminal()
    {
        var result = await _host.RunAsync(new TestTerminal(interactive: true), "logout", "-f");

        result.ExitCode.ShouldBe(0, result.ToString());
        Profile("default")["token"].ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_profile_is_a_usage_error_listing_profiles()
    {
        var before = _host.ConfigText();

        var result = await _host.RunAsync("logout", "--profile-name", "prod");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("profile 'prod' does not exist");
        result.Stderr.ShouldContain("Existing profiles: default, staging.");
        _host.ConfigText().ShouldBe(before);
    }
}
