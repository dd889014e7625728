using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Plugins.Auth;

[Command("logout", Description = "Remove the API token of the active profile (or --profile-name).",
    ExtendedHelpText = """

The profile's other settings (API URL, BYOK keys) stay, so 'truto login --profile-name <name>'
restores it. Asks for confirmation on a terminal unless -f.

Examples:
  truto logout
  truto logout --profile-name staging -f
""")]
public sealed class LogoutCommand(IInvocationContext context, IProfileStore store, IPrompter prompter, IStandardStreams streams, IOutput output) : ITrutoCommand
{
    [Option("--profile-name <name>", Description = "The profile to log out of (default: -p, else the active one).")]
    [ProfileNameCompletion]
    public string? ProfileName { get; set; }

    [Option("-f|--force", Description = "Do not ask for confirmation.")]
    public bool Force { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var config = await store.ReadAsync(cancellationToken);
        var name = ProfileName ?? context.ProfileName ?? config.ActiveProfile;
        if (name is null || !config.Profiles.TryGetValue(name, out var profile))
        {
            throw new UsageException(
                name is null ? "there is no active profile to log out of" : $"profile '{name}' does not exist",
                config.Profiles.Count == 0
                    ? "There are no profiles: nothing to log out of."
                    : $"Existing profiles: {string.Join(", ", config.Profiles.Keys.Order(StringComparer.Ordinal))}.");
        }

        if (profile.ApiToken is null)
        {
            output.Status($"Profile '{name}' is not logged in.");
            return ExitCodes.Success;
        }

        if (streams.CanPrompt && !Force && !await prompter.ConfirmAsync($"Remove the API token of profile '{name}'?", false, cancellationToken))
        {
            output.Status("Nothing changed.");
            return ExitCodes.Success;
        }

        await store.UpdateAsync(current => current.Profiles.TryGetValue(name, out var now)
            ? current with { Profiles = new Dictionary<string, Profile>(current.Profiles) { [name] = now with { ApiToken = null } } }
            : current, cancellationToken);
        output.Status($"Logged out of profile '{name}'.");
        return ExitCodes.Success;
    }
}
