using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Auth.Tests.AuthFixture;

namespace Truto.Plugins.Auth.Tests;

[Collection(nameof(AuthFixture))]
public sealed class WhoamiCommandTests(AuthFixture api) : IDisposable
{
    private readonly TrutoTestHost _host = NewHost();

    public void Dispose() => _host.Dispose();

    private void TwoProfiles() => _host.WriteConfig($$"""
        {
          "activeProfile": "default",
          "profiles": {
            "default": { "apiUrl": "{{api.ApiUrl}}", "token": "{{ValidToken}}" },
            "other": { "apiUrl": "{{api.ApiUrl}}", "token": "{{OtherValidToken}}" }
          }
        }
        """);

    [Fact]
    public async Task Shows_profile_url_team_environment_and_masked_token_as_a_table()
    {
        TwoProfiles();

        var result = await _host.RunAsync(new TestTerminal(interactive: true, width: 120), "whoami");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe($"""
            profile           default
            api_url           {api.ApiUrl}
            team_id           {api.Tenant.TeamId}
            team_name         {api.Tenant.TeamName}
            environment_id    {api.Tenant.EnvironmentId}
            environment_name  {api.Tenant.EnvironmentName}
            token             trut…ghij
            token_source      profile

            """.ReplaceLineEndings("\n"));
        result.ShouldNotLeak(ValidToken);
    }

    [Fact]
    public async Task P_selects_another_profile_and_json_is_one_object()
    {
        TwoProfiles();

        var result = await _host.RunAsync("whoami", "-p", "other", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var me = JObject.Parse(result.Stdout);
        ((string?)me["profile"]).ShouldBe("other");
        ((string?)me["team_id"]).ShouldBe(api.OtherTenant.TeamId);
        ((string?)me["environment_name"]).ShouldBe(api.OtherTenant.EnvironmentName);
        result.ShouldNotLeak(ValidToken, OtherValidToken);
    }

    [Fact]
    public async Task Token_flag_needs_no_profile_and_says_where_the_token_came_from()
    {
        var result = await _host.RunAsync("whoami", "--token", OtherValidToken, "--api-url", api.ApiUrl, "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var me = JObject.Parse(result.Stdout);
        ((string?)me["token_source"]).ShouldBe("flag");
        me["profile"]!.Type.ShouldBe(JTokenType.Null);
    }

    [Fact]
    public async Task A_rejected_token_gives_the_login_hint_naming_the_profile()
    {
        _host.WriteConfig($$"""{ "activeProfile": "stale", "profiles": { "stale": { "apiUrl": "{{api.ApiUrl}}", "token": "{{WrongToken}}" } } }""");

        var result = await _host.RunAsync("whoami");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("the API rejected the token of profile 'stale' (401 Unauthorized");
        result.Stderr.ShouldContain("run 'truto login'");
        result.ShouldNotLeak(WrongToken);
    }

    [Fact]
    public async Task Without_any_credentials_says_to_log_in()
    {
        var result = await _host.RunAsync("whoami");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("""
            error: not logged in
            Run 'truto login', or pass --token.

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_unknown_profile_named_with_p_is_a_usage_error()
    {
        TwoProfiles();

        var result = await _host.RunAsync("whoami", "-p", "nope");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("Existing profiles: default, other.");
    }
}

/// <summary>Exactly the calls whoami makes, with the emulator in strict mode.</summary>
public sealed class WhoamiCallSequenceTests : IAsyncLifetime, IDisposable
{
    private readonly Truto.Cli.Sdk.Testing.TrutoTestHost _host = NewHost();
    private Truto.Emulator.TrutoEmulator _emulator = null!;
    private Truto.Emulator.EmulatorTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Truto.Emulator.TrutoEmulator.StartAsync();
        _tenant = _emulator.AddToken(ValidToken);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Whoami_reads_the_environment_then_its_team_and_nothing_else()
    {
        _emulator.Expect("GET", "/environment?limit=1");
        _emulator.Expect("GET", $"/team/{_tenant.TeamId}");

        var result = await _host.RunAsync("whoami", "--token", ValidToken, "--api-url", _emulator.BaseUrl.AbsoluteUri);

        result.ExitCode.ShouldBe(0, result.ToString());
        _emulator.VerifyExpectations();
    }
}
