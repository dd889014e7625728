using Truto.Cli.CommandLine;
using Truto.Cli.Errors;
using Truto.Cli.Profiles;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Testing;
using Truto.Cli.Startup;
using Truto.Cli.Terminal;

namespace Truto.Cli.Tests.Profiles;

/// <summary>The documented resolution orders for the API token, the API URL and BYOK keys.</summary>
public sealed class CredentialResolverTests : IDisposable
{
    private const string ProfileToken = "truto_tok_PROFILE_0123456789";
    private const string FlagToken = "truto_tok_FLAG_0123456789ab";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "truto-creds-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly Dictionary<string, string> _environment = new();
    private readonly SecretRedactor _redactor = new();

    public CredentialResolverTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "config.json"), $$"""
            {
              "activeProfile": "default",
              "profiles": {
                "default": { "apiUrl": "https://eu.truto.one", "token": "{{ProfileToken}}", "anthropicApiKey": "sk-ant-PROFILE-000000" },
                "bare": { }
              }
            }
            """);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private CredentialResolver Resolver(GlobalOptionValues options, TestTerminal? terminal = null)
    {
        var context = new InvocationContext();
        context.Bind(options);
        _environment["TRUTO_CONFIG_DIR"] = _directory;
        var settings = HostSettings.FromEnvironment(_environment, AppContext.BaseDirectory);
        terminal ??= new TestTerminal();
        return new CredentialResolver(context, new ProfileStore(settings), settings, terminal, new TerminalPrompter(terminal), _redactor);
    }

    private static GlobalOptionValues Options(string? profile = null, string? token = null, string? apiUrl = null) =>
        GlobalOptionValues.Defaults with { Profile = profile, Token = token, ApiUrl = apiUrl };

    [Fact]
    public async Task The_token_flag_wins_over_the_profile()
    {
        var token = await Resolver(Options(token: FlagToken)).GetApiTokenAsync(CancellationToken.None);

        token.ShouldBe(new ResolvedToken(FlagToken, TokenSource.Flag, null));
    }

    [Fact]
    public async Task Without_a_flag_the_active_profiles_token_is_used_and_registered_for_redaction()
    {
        var token = await Resolver(Options()).GetApiTokenAsync(CancellationToken.None);

        token.ShouldBe(new ResolvedToken(ProfileToken, TokenSource.Profile, "default"));
        _redactor.Redact($"x {ProfileToken} y").ShouldBe($"x {SecretRedactor.Mask} y");
    }

    [Fact]
    public async Task A_profile_without_a_token_says_to_log_in_to_that_profile()
    {
        var error = await Should.ThrowAsync<AuthRequiredException>(() => Resolver(Options(profile: "bare")).GetApiTokenAsync(CancellationToken.None));

        error.Message.ShouldBe("profile 'bare' has no API token");
        error.Hint.ShouldBe("Run 'truto login --profile-name bare', or pass --token.");
    }

    [Fact]
    public async Task An_unknown_profile_is_a_usage_error_listing_the_profiles()
    {
        var error = await Should.ThrowAsync<UsageException>(() => Resolver(Options(profile: "prod")).GetApiTokenAsync(CancellationToken.None));

        error.Hint.ShouldBe("Existing profiles: bare, default.");
    }

    [Theory]
    [InlineData("http://127.0.0.1:4010", null, "http://127.0.0.1:4010/")]
    [InlineData(null, null, "https://eu.truto.one/")]
    [InlineData(null, "bare", "https://api.truto.one/")]
    public async Task The_api_url_comes_from_the_flag_else_the_profile_else_the_default(string? flag, string? profile, string expected)
    {
        var url = await Resolver(Options(profile: profile, apiUrl: flag)).GetApiUrlAsync(CancellationToken.None);

        url.AbsoluteUri.ShouldBe(expected);
    }

    [Fact]
    public async Task A_byok_key_comes_from_the_flag_first()
    {
        _environment["ANTHROPIC_API_KEY"] = "sk-ant-ENVIRONMENT-00000";

        var key = await Resolver(Options()).GetByokKeyAsync(ByokProvider.Anthropic, "sk-ant-FLAG-0000000000", CancellationToken.None);

        key.ShouldBe("sk-ant-FLAG-0000000000");
    }

    [Fact]
    public async Task A_byok_key_comes_from_the_environment_before_the_profile()
    {
        _environment["ANTHROPIC_API_KEY"] = "sk-ant-ENVIRONMENT-00000";

        var key = await Resolver(Options()).GetByokKeyAsync(ByokProvider.Anthropic, null, CancellationToken.None);

        key.ShouldBe("sk-ant-ENVIRONMENT-00000");
    }

    [Fact]
    public async Task A_byok_key_comes_from_the_profile_when_no_flag_or_variable_is_set()
    {
        var key = await Resolver(Options()).GetByokKeyAsync(ByokProvider.Anthropic, null, CancellationToken.None);

        key.ShouldBe("sk-ant-PROFILE-000000");
    }

    [Fact]
    public async Task A_missing_byok_key_is_asked_for_on_a_terminal()
    {
        var terminal = new TestTerminal(input: "fc-TYPED-0000000000\n", interactive: true);

        var key = await Resolver(Options(), terminal).GetByokKeyAsync(ByokProvider.Firecrawl, null, CancellationToken.None);

        key.ShouldBe("fc-TYPED-0000000000");
        terminal.Stderr.ShouldBe("Firecrawl API key: ");
    }

    [Fact]
    public async Task A_missing_byok_key_without_a_terminal_names_every_way_to_give_one()
    {
        var error = await Should.ThrowAsync<AuthRequiredException>(() => Resolver(Options()).GetByokKeyAsync(ByokProvider.Fireworks, null, CancellationToken.None));

        error.Message.ShouldBe("no fireworks API key");
        error.Hint.ShouldBe("Pass --fireworks-api-key, set FIREWORKS_API_KEY, or save it once with 'truto profiles set-key fireworks'.");
    }
}
