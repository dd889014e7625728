using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Profiles.Tests.ProfilesFixture;

namespace Truto.Plugins.Profiles.Tests;

public sealed class UseProfileCommandTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("profiles", "use")]
    [InlineData("use")]
    public async Task Switches_the_active_profile(params string[] command)
    {
        _host.WithConfig(TwoProfiles);

        var result = await _host.RunAsync([.. command, "staging"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("'staging'");
        ((string?)JObject.Parse(_host.ConfigText())["activeProfile"]).ShouldBe("staging");
    }

    [Fact]
    public async Task An_unknown_profile_is_a_usage_error_listing_the_existing_ones_and_changes_nothing()
    {
        _host.WithConfig(TwoProfiles);
        var before = _host.ConfigText();

        var result = await _host.RunAsync("use", "prod");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldBe("""
            error: profile 'prod' does not exist
            Existing profiles: default, staging.

            """.ReplaceLineEndings("\n"));
        _host.ConfigText().ShouldBe(before);
    }

    [Fact]
    public async Task A_missing_name_is_a_usage_error()
    {
        var result = await _host.RunAsync("use");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("name the profile to use");
    }
}
