using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Auth.Tests.AuthFixture;

namespace Truto.Plugins.Auth.Tests;

[Collection(nameof(AuthFixture))]
public sealed class LoginCommandTests(AuthFixture api) : IDisposable
{
    private readonly TrutoTestHost _host = NewHost();

    public void Dispose() => _host.Dispose();

    private JObject Config() => JObject.Parse(_host.ConfigText()!);

    [Fact]
    public async Task Non_interactive_login_verifies_the_token_saves_the_profile_and_makes_it_active()
    {
        var result = await _host.RunAsync("login", "--token", ValidToken, "--api-url", api.ApiUrl, "--profile-name", "ci");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain($"team '{api.Tenant.TeamName}'");
        result.Stderr.ShouldContain($"environment '{api.Tenant.EnvironmentName}'");
        var config = Config();
        ((string?)config["activeProfile"]).ShouldBe("ci");
        ((string?)config["profiles"]!["ci"]!["token"]).ShouldBe(ValidToken);
        ((string?)config["profiles"]!["ci"]!["apiUrl"]).ShouldBe(api.ApiUrl);
        File.GetUnixFileMode(_host.ConfigPath()).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        result.ShouldNotLeak(ValidToken);
    }

    [Fact]
    public async Task Login_sends_the_token_as_a_bearer_header_to_the_environment_endpoint()
    {
        var before = api.Emulator.Requests.Count;

        var result = await _host.RunAsync("login", "--token", OtherValidToken, "--api-url", api.ApiUrl);

        result.ExitCode.ShouldBe(0, result.ToString());
        var requests = api.Emulator.Requests.Skip(before).Where(r => r.Headers.GetValueOrDefault("Authorization") == $"Bearer {OtherValidToken}").ToList();
        requests.First().Path.ShouldBe("/environment");
        requests.ShouldAllBe(r => r.Method == "GET");
    }

    [Fact]
    public async Task Interactive_login_asks_for_name_url_and_token_on_a_terminal()
    {
        var terminal = new TestTerminal(input: $"staging\n{api.ApiUrl}\n{ValidToken}\n", interactive: true);

        var result = await _host.RunAsync(terminal, "login");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("Profile name [default]: ");
        result.Stderr.ShouldContain("API base URL [https://api.truto.one]: ");
        result.Stderr.ShouldContain("API token: ");
        ((string?)Config()["profiles"]!["staging"]!["token"]).ShouldBe(ValidToken);
        result.ShouldNotLeak(ValidToken);
    }

    [Fact]
    public async Task A_rejected_token_saves_nothing_and_says_to_check_the_token()
    {
        var result = await _host.RunAsync("login", "--token", WrongToken, "--api-url", api.ApiUrl);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("the API rejected the token (401 Unauthorized");
        result.Stderr.ShouldContain("truto login");
        _host.ConfigText().ShouldBeNull();
        result.ShouldNotLeak(WrongToken);
    }

    [Fact]
    public async Task A_rejected_token_leaves_an_existing_profile_untouched()
    {
        await _host.RunAsync("login", "--token", ValidToken, "--api-url", api.ApiUrl);
        var before = _host.ConfigText();

        var result = await _host.RunAsync("login", "--token", WrongToken, "--api-url", api.ApiUrl, "-f");

        result.ExitCode.ShouldBe(1);
        _host.ConfigText().ShouldBe(before);
    }

    [Fact]
    public async Task An_unreachable_api_saves_nothing_and_names_the_url()
    {
        var result = await _host.RunAsync("login", "--token", ValidToken, "--api-url", "http://127.0.0.1:9");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("cannot reach http://127.0.0.1:9");
        _host.ConfigText().ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_terminal_or_token_it_fails_at_once_telling_to_pass_token()
    {
        var result = await _host.RunAsync("login");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--token");
        _host.ConfigText().ShouldBeNull();
    }

    [Fact]
    public async Task Token_stdin_reads_the_token_from_standard_input()
    {
        var result = await _host.RunAsync(new TestTerminal(input: ValidToken + "\n"), "login", "--token-stdin", "--api-url", api.ApiUrl);

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string?)Config()["profiles"]!["default"]!["token"]).ShouldBe(ValidToken);
    }

    [Fact]
    public async Task An_existing_profile_is_overwritten_on_a_terminal_only_after_confirmation()
    {
        await _host.RunAsync("login", "--token", ValidToken, "--api-url", api.ApiUrl);
        var declined = new TestTerminal(input: $"default\n{api.ApiUrl}\nn\n", interactive: true);

        var result = await _host.RunAsync(declined, "login");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("Profile 'default' exists. Overwrite its token? [y/N]");
        ((string?)Config()["profiles"]!["default"]!["token"]).ShouldBe(ValidToken);

        var accepted = new TestTerminal(input: $"default\n{api.ApiUrl}\ny\n{OtherValidToken}\n", interactive: true);
        var second = await _host.RunAsync(accepted, "login");

        second.ExitCode.ShouldBe(0, second.ToString());
        ((string?)Config()["profiles"]!["default"]!["token"]).ShouldBe(OtherValidToken);
    }

    [Fact]
    public async Task Token_flag_overwrites_an_existing_profile_without_asking_and_keeps_its_byok_keys()
    {
        _host.WriteConfig($$"""{ "activeProfile": "default", "profiles": { "default": { "apiUrl": "{{api.ApiUrl}}", "token": "{{ValidToken}}", "anthropicApiKey": "sk-ant-keep-me-000000" } } }""");

        var result = await _host.RunAsync(new TestTerminal(interactive: true), "login", "--token", OtherValidToken);

        result.ExitCode.ShouldBe(0, result.ToString());
        var profile = Config()["profiles"]!["default"]!;
        ((string?)profile["token"]).ShouldBe(OtherValidToken);
        ((string?)profile["apiUrl"]).ShouldBe(api.ApiUrl);
        ((string?)profile["anthropicApiKey"]).ShouldBe("sk-ant-keep-me-000000");
    }

    [Fact]
    public async Task With_json_output_prints_the_identity_and_no_status()
    {
        var result = await _host.RunAsync("login", "--token", ValidToken, "--api-url", api.ApiUrl, "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var identity = JObject.Parse(result.Stdout);
        ((string?)identity["team_id"]).ShouldBe(api.Tenant.TeamId);
        ((string?)identity["environment_id"]).ShouldBe(api.Tenant.EnvironmentId);
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Verbose_login_logs_the_traffic_with_the_token_redacted()
    {
        var result = await _host.RunAsync("login", "--token", ValidToken, "--api-url", api.ApiUrl, "-v");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain($"→ GET {api.ApiUrl}/environment?limit=1");
        result.Stderr.ShouldContain("Authorization: Bearer [REDACTED]");
        result.Stderr.ShouldContain("← 200 OK");
        result.ShouldNotLeak(ValidToken);
    }
}

[CollectionDefinition(nameof(AuthFixture))]
public sealed class AuthCollection : ICollectionFixture<AuthFixture>;
