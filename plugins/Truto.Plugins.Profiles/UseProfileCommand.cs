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
    [Completion(CompletionAttribute.Profiles)]
    public string? Name { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var name = Name!;

        // Check before taking the lock, so a mistyped name writes nothing at all; check again under the lock.
        TargetProfile.Existing(await store.ReadAsync(cancellationToken), name);
        await store.UpdateAsync(config => config with { ActiveProfile = TargetProfile.Existing(config, name) }, cancellationToken);
        output.Status($"Active profile is now '{name}'.");
        return ExitCodes.Success;
    }
}
