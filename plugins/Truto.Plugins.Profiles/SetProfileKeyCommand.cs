using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Plugins.Profiles;

[Command("set", Description = "Set a key on the active profile (or the one -p names).",
    ExtendedHelpText = """

Keys (camelCase, snake_case or kebab-case): apiUrl, defaultIntegratedAccount, anthropicApiKey,
firecrawlApiKey, fireworksApiKey, integrationConfigDir. For keys, prefer 'truto profiles set-key',
which keeps the value out of your shell history.

Examples:
  truto profiles set apiUrl https://api.truto.one
  truto profiles set default-integrated-account 0f6c... -p staging
""")]
public sealed class SetProfileKeyCommand(IProfileStore store, IInvocationContext context, IOutput output) : ITrutoCommand
{
    [Required(ErrorMessage = "name the key to set, e.g. 'truto profiles set apiUrl https://api.truto.one'")]
    [Argument(0, "key", "The key to set.")]
    [Completion(CompletionAttribute.ProfileKeys)]
    public string? Key { get; set; }

    [Required(ErrorMessage = "give the value to set, e.g. 'truto profiles set apiUrl https://api.truto.one'")]
    [Argument(1, "value", "The new value.")]
    public string? Value { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var key = ProfileKeys.Parse(Key!);
        var value = Value!.Trim();
        if (key.Name == "apiUrl")
        {
            ValidateApiUrl(value);
        }

        // Check the target before taking the lock, so a bad -p writes nothing at all; check again under the lock.
        var target = TargetProfile.NameIn(await store.ReadAsync(cancellationToken), context);
        await store.UpdateAsync(config =>
        {
            target = TargetProfile.NameIn(config, context);
            var profiles = new Dictionary<string, Profile>(config.Profiles) { [target] = key.Set(config.Profiles[target], value) };
            return config with { Profiles = profiles };
        }, cancellationToken);

        if (key.IsSecret)
        {
            output.Warning("the value was given on the command line, where shell history and 'ps' can see it; 'truto profiles set-key' avoids that");
        }

        output.Status($"Set {key.Name} on profile '{target}'.");
        return ExitCodes.Success;
    }

    private void ValidateApiUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"apiUrl must be an absolute http(s) URL, not '{value}'", "For example: truto profiles set apiUrl https://api.truto.one");
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            output.Warning($"{value} is plain http: the API token would cross the network unencrypted; use https");
        }
    }
}
