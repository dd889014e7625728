using Truto.Cli.Sdk.Testing;

namespace Truto.Plugins.Profiles.Tests;

/// <summary>A host with a config file holding two realistic profiles; tests override only what differs.</summary>
internal static class ProfilesFixture
{
    public const string DefaultToken = "truto_tok_DEFAULT_0123456789abcdef";
    public const string StagingToken = "truto_tok_STAGING_fedcba9876543210";
    public const string AnthropicKey = "sk-ant-api03-SECRETSECRETSECRET0000";

    public static string TwoProfiles => $$"""
        {
          "activeProfile": "default",
          "profiles": {
            "default": { "apiUrl": "https://api.truto.one", "token": "{{DefaultToken}}", "anthropicApiKey": "{{AnthropicKey}}" },
            "staging": { "apiUrl": "https://staging.truto.one", "token": "{{StagingToken}}", "defaultIntegratedAccount": "acc-42" }
          }
        }
        """;

    public static TrutoTestHost WithConfig(this TrutoTestHost host, string json)
    {
        File.WriteAllText(Path.Combine(host.ConfigDirectory, "config.json"), json);
        return host;
    }

    public static string ConfigText(this TrutoTestHost host) => File.ReadAllText(Path.Combine(host.ConfigDirectory, "config.json"));

    public static bool HasConfig(this TrutoTestHost host) => File.Exists(Path.Combine(host.ConfigDirectory, "config.json"));

    public static void ShouldNotLeak(this CliResult result, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            result.Stdout.ShouldNotContain(secret, Case.Sensitive, result.ToString());
            result.Stderr.ShouldNotContain(secret, Case.Sensitive, result.ToString());
        }
    }
}
