using Truto.Cli.CommandLine;
using Truto.Cli.Errors;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Startup;

namespace Truto.Cli.Profiles;

/// <summary>
/// Resolves this run's credentials in the documented order, reading the config file only when it is needed, and
/// registers every secret it hands out with the redactor so none can reach stderr.
/// </summary>
internal sealed class CredentialResolver(
    InvocationContext context,
    IProfileStore store,
    HostSettings settings,
    IStandardStreams streams,
    IPrompter prompter,
    SecretRedactor redactor) : ICredentials
{
    private static readonly IReadOnlyDictionary<ByokProvider, (string Flag, string Variable, string ProviderName)> Byok =
        new Dictionary<ByokProvider, (string, string, string)>
        {
            [ByokProvider.Anthropic] = ("--anthropic-api-key", "ANTHROPIC_API_KEY", "anthropic"),
            [ByokProvider.Firecrawl] = ("--firecrawl-api-key", "FIRECRAWL_API_KEY", "firecrawl"),
            [ByokProvider.Fireworks] = ("--fireworks-api-key", "FIREWORKS_API_KEY", "fireworks"),
        };

    private ProfileConfig? _config;

    public async Task<string?> GetProfileNameAsync(CancellationToken cancellationToken) =>
        context.ProfileName ?? (await ConfigAsync(cancellationToken)).ActiveProfile;

    public async Task<ResolvedToken> GetApiTokenAsync(CancellationToken cancellationToken)
    {
        if (context.Values.Token is { } flag)
        {
            return Hand(new ResolvedToken(flag, TokenSource.Flag, null));
        }

        var (name, profile) = await SelectedProfileAsync(cancellationToken);
        if (profile?.ApiToken is { Length: > 0 } token)
        {
            return Hand(new ResolvedToken(token, TokenSource.Profile, name));
        }

        throw name is null
            ? new AuthRequiredException("not logged in", "Run 'truto login', or pass --token.")
            : new AuthRequiredException($"profile '{name}' has no API token", $"Run 'truto login --profile-name {name}', or pass --token.");
    }

    public async Task<Uri> GetApiUrlAsync(CancellationToken cancellationToken)
    {
        if (context.ApiUrlOverride is { } flag)
        {
            return ParseUrl(flag, "--api-url");
        }

        var (name, profile) = await SelectedProfileAsync(cancellationToken);
        return profile?.ApiUrl is { Length: > 0 } url
            ? ParseUrl(url, $"the apiUrl of profile '{name}'")
            : new Uri(HostSettings.DefaultApiUrl);
    }

    public async Task<string> GetByokKeyAsync(ByokProvider provider, string? flagValue, CancellationToken cancellationToken)
    {
        var (flag, variable, providerName) = Byok[provider];
        if (!string.IsNullOrWhiteSpace(flagValue))
        {
            return Hand(flagValue.Trim());
        }

        if (settings.GetEnvironment(variable) is { } fromEnvironment)
        {
            return Hand(fromEnvironment.Trim());
        }

        var (_, profile) = await SelectedProfileAsync(cancellationToken, required: false);
        var fromProfile = provider switch
        {
            ByokProvider.Anthropic => profile?.AnthropicApiKey,
            ByokProvider.Firecrawl => profile?.FirecrawlApiKey,
            _ => profile?.FireworksApiKey,
        };
        if (!string.IsNullOrWhiteSpace(fromProfile))
        {
            return Hand(fromProfile);
        }

        if (streams.CanPrompt)
        {
            var typed = await prompter.AskSecretAsync($"{char.ToUpperInvariant(providerName[0])}{providerName[1..]} API key", cancellationToken);
            if (!string.IsNullOrWhiteSpace(typed))
            {
                return Hand(typed);
            }
        }

        throw new AuthRequiredException(
            $"no {providerName} API key",
            $"Pass {flag}, set {variable}, or save it once with 'truto profiles set-key {providerName}'.");
    }

    private async Task<(string? Name, Profile? Profile)> SelectedProfileAsync(CancellationToken cancellationToken, bool required = true)
    {
        var config = await ConfigAsync(cancellationToken);
        var name = context.ProfileName ?? config.ActiveProfile;
        if (name is null)
        {
            return (null, null);
        }

        if (config.Profiles.TryGetValue(name, out var profile))
        {
            return (name, profile);
        }

        if (context.ProfileName is not null && required)
        {
            throw UnknownProfile(name, config);
        }

        return (name, null);
    }

    private async Task<ProfileConfig> ConfigAsync(CancellationToken cancellationToken)
    {
        if (_config is null)
        {
            _config = await store.ReadAsync(cancellationToken);
            foreach (var profile in _config.Profiles.Values)
            {
                redactor.Add(profile.ApiToken);
                redactor.Add(profile.AnthropicApiKey);
                redactor.Add(profile.FirecrawlApiKey);
                redactor.Add(profile.FireworksApiKey);
            }
        }

        return _config;
    }

    public static UsageException UnknownProfile(string name, ProfileConfig config) => new(
        $"profile '{name}' does not exist",
        config.Profiles.Count == 0
            ? "There are no profiles yet: run 'truto login' to create one."
            : $"Existing profiles: {string.Join(", ", config.Profiles.Keys.Order(StringComparer.Ordinal))}.");

    private static Uri ParseUrl(string value, string origin) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"{origin} is not an absolute http(s) URL: '{value}'", "Use a URL such as https://api.truto.one.");

    private ResolvedToken Hand(ResolvedToken token)
    {
        redactor.Add(token.Value);
        return token;
    }

    private string Hand(string secret)
    {
        redactor.Add(secret);
        return secret;
    }
}
