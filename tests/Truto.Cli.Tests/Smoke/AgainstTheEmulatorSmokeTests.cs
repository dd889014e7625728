using Newtonsoft.Json.Linq;
using Truto.Emulator;

namespace Truto.Cli.Tests.Smoke;

/// <summary>The built executable against the emulator: the whole path a user takes, as real processes.</summary>
public sealed class AgainstTheEmulatorSmokeTests : IAsyncLifetime, IDisposable
{
    private const string Token = "truto_tok_SMOKE_0123456789abcdefgh";
    private readonly TrutoExecutable _truto = new();
    private TrutoEmulator _emulator = null!;
    private EmulatorTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TrutoEmulator.StartAsync();
        _tenant = _emulator.AddToken(Token);
        _emulator.SeedApiTokens(Token, 40);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _truto.Dispose();

    [Fact]
    public async Task Login_then_whoami_then_listing_tokens_works_from_the_saved_profile()
    {
        var login = await _truto.RunAsync("login", "--token", Token, "--api-url", _emulator.BaseUrl.AbsoluteUri);
        var whoami = await _truto.RunAsync("whoami", "-o", "json");
        var tokens = await _truto.RunAsync("api-tokens", "list", "--all", "--limit", "10", "-o", "ndjson");

        login.ExitCode.ShouldBe(0, login.ToString());
        ((string?)JObject.Parse(whoami.Stdout)["environment_id"]).ShouldBe(_tenant.EnvironmentId, whoami.ToString());
        tokens.ExitCode.ShouldBe(0, tokens.ToString());
        tokens.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(43);
        foreach (var result in new[] { login, whoami, tokens })
        {
            result.Stdout.ShouldNotContain(Token);
            result.Stderr.ShouldNotContain(Token);
        }
    }

    [Fact]
    public async Task A_rejected_token_exits_1_and_writes_no_config()
    {
        var login = await _truto.RunAsync("login", "--token", "truto_tok_WRONG_000000000000000", "--api-url", _emulator.BaseUrl.AbsoluteUri);

        login.ExitCode.ShouldBe(1, login.ToString());
        File.Exists(Path.Combine(_truto.ConfigDirectory, "config.json")).ShouldBeFalse();
    }
}
