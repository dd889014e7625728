using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Plugins.Profiles;

[Command("use", Description = "Switch the active profile.",
    ExtendedHelpText = """

Also available as the shortcut 'truto use <name>'.

Examples:
  truto profiles use staging
  truto use default
""")]
public sealed class UseProfileCommand(IProfileStore store, IOutput output) : ITrutoCommand
{
    [Required(ErrorMessage = "name the profile to use, e.g. 'truto use default'")]
    [Argument(0, "name", "The profile to make active.")]
    public string? Name { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var name = Name!;

        // Check before taking the lock, so a mistyped name writes nothing at all; check again under the lock.
        Validate(await store.ReadAsync(cancellationToken), name);
        await store.UpdateAsync(config => Validate(config, name) with { ActiveProfile = name }, cancellationToken);
        output.Status($"Active profile is now '{name}'.");
        return ExitCodes.Success;
    }

    private static ProfileConfig Validate(ProfileConfig config, string name) => config.Profiles.ContainsKey(name)
        ? config
        : throw new UsageException(
            $"profile '{name}' does not exist",
            config.Profiles.Count == 0
                ? "There are no profiles yet: run 'truto login' to create one."
                : $"Existing profiles: {TargetProfile.Existing(config)}.");
}
