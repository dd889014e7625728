using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Plugins.Profiles;

/// <summary>One settable profile key: its canonical camelCase name, whether it is secret, and how to read and write it.</summary>
internal sealed record ProfileKey(string Name, bool IsSecret, Func<Profile, string?> Get, Func<Profile, string?, Profile> Set)
{
    /// <summary>camelCase, snake_case and kebab-case spellings, all meaning this key.</summary>
    public IEnumerable<string> Spellings
    {
        get
        {
            yield return Name;
            var words = System.Text.RegularExpressions.Regex.Replace(Name, "([a-z0-9])([A-Z])", "$1 $2").ToLowerInvariant().Split(' ');
            yield return string.Join('_', words);
            yield return string.Join('-', words);
        }
    }
}

/// <summary>The keys <c>profiles set</c> and <c>profiles get</c> accept. The token is set only by <c>login</c>.</summary>
internal static class ProfileKeys
{
    public static readonly IReadOnlyList<ProfileKey> All =
    [
        new("apiUrl", false, p => p.ApiUrl, (p, v) => p with { ApiUrl = v }),
        new("defaultIntegratedAccount", false, p => p.DefaultIntegratedAccount, (p, v) => p with { DefaultIntegratedAccount = v }),
        new("anthropicApiKey", true, p => p.AnthropicApiKey, (p, v) => p with { AnthropicApiKey = v }),
        new("firecrawlApiKey", true, p => p.FirecrawlApiKey, (p, v) => p with { FirecrawlApiKey = v }),
        new("fireworksApiKey", true, p => p.FireworksApiKey, (p, v) => p with { FireworksApiKey = v }),
        new("integrationConfigDir", false, p => p.IntegrationConfigDir, (p, v) => p with { IntegrationConfigDir = v }),
    ];

    public static ProfileKey Parse(string typed) =>
        All.FirstOrDefault(k => k.Spellings.Contains(typed.Trim(), StringComparer.OrdinalIgnoreCase))
        ?? throw new UsageException(
            $"unknown profile key '{typed}'",
            $"Allowed keys: {string.Join(", ", All.Select(k => k.Name))} (snake_case and kebab-case work too).");
}
