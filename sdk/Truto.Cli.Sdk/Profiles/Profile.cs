namespace Truto.Cli.Sdk.Profiles;

/// <summary>One named profile of the config file. Secrets are held here only; never print them unmasked.</summary>
public sealed record Profile
{
    /// <summary>The API base URL, or null for the default.</summary>
    public string? ApiUrl { get; init; }

    /// <summary>The API token.</summary>
    public string? ApiToken { get; init; }

    /// <summary>The integrated account used when a data-plane command gets no <c>-a</c>.</summary>
    public string? DefaultIntegratedAccount { get; init; }

    /// <summary>Bring-your-own Anthropic key.</summary>
    public string? AnthropicApiKey { get; init; }

    /// <summary>Bring-your-own Firecrawl key.</summary>
    public string? FirecrawlApiKey { get; init; }

    /// <summary>Bring-your-own Fireworks key.</summary>
    public string? FireworksApiKey { get; init; }

    /// <summary>A folder of integration configs used as examples by <c>integrations build</c>.</summary>
    public string? IntegrationConfigDir { get; init; }
}

/// <summary>The whole config file: the active profile's name and every profile by name.</summary>
/// <param name="ActiveProfile">The active profile's name, or null when none is set.</param>
/// <param name="Profiles">Every profile by name (ordinal, case-sensitive).</param>
public sealed record ProfileConfig(string? ActiveProfile, IReadOnlyDictionary<string, Profile> Profiles);
