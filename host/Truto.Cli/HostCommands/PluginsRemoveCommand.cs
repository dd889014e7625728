using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.HostCommands;

[Command("remove", "uninstall", Description = "Remove a plugin installed for your user.",
    ExtendedHelpText = """

Bundled plugins and those found through TRUTO_PLUGIN_PATH are not removed by this command.

Examples:
  truto plugins remove acme-tools
""")]
internal sealed class PluginsRemoveCommand(PluginInstaller installer, IOutput output) : ITrutoCommand
{
    [Required(ErrorMessage = "name the plugin to remove (see 'truto plugins list')")]
    [Argument(0, "name", "The plugin's name or folder name.")]
    public string? Name { get; set; }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        installer.Remove(Name!.Trim());
        output.Status($"Removed {Name}.");
        return Task.FromResult(ExitCodes.Success);
    }
}
