using McMaster.Extensions.CommandLineUtils;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Plugins.Profiles;

[Command("list", "ls", Description = "List saved profiles: the active one, API URL, masked token and which BYOK keys are set.",
    ExtendedHelpText = """

Secrets are never shown: the token is masked and BYOK keys are listed by name only.

Examples:
  truto profiles list
  truto profiles list -o json
""")]
public sealed class ListProfilesCommand(IProfileStore store, IOutput output) : ITrutoCommand
{
    private static readonly TableColumn[] Columns =
    [
        new("ACTIVE", "active_marker"),
        new("NAME", "name"),
        new("API URL", "api_url"),
        new("TOKEN", "token"),
        new("BYOK KEYS", "byok_keys"),
    ];

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var config = await store.ReadAsync(cancellationToken);
        if (config.Profiles.Count == 0)
        {
            output.Status("No profiles yet: run 'truto login' to create one.");
        }

        // Sorted names with Array.Sort: LINQ over key-value pairs, or its Order, is generic code JIT-compiled per run.
        var names = config.Profiles.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var records = names.Select(name => ToRecord(name, config.Profiles[name], name == config.ActiveProfile));
        await output.WriteListAsync(records, Columns, cancellationToken);
        return ExitCodes.Success;
    }

    private static JObject ToRecord(string name, Profile profile, bool active)
    {
        var keys = new JArray();
        if (!string.IsNullOrEmpty(profile.AnthropicApiKey)) keys.Add("anthropic");
        if (!string.IsNullOrEmpty(profile.FirecrawlApiKey)) keys.Add("firecrawl");
        if (!string.IsNullOrEmpty(profile.FireworksApiKey)) keys.Add("fireworks");

        return new JObject
        {
            ["name"] = name,
            ["active"] = active,
            ["active_marker"] = active ? "*" : "",
            ["api_url"] = profile.ApiUrl ?? "https://api.truto.one",
            ["token"] = SecretMask.Mask(profile.ApiToken),
            ["default_integrated_account"] = profile.DefaultIntegratedAccount,
            ["byok_keys"] = keys,
            ["integration_config_dir"] = profile.IntegrationConfigDir,
        };
    }
}
