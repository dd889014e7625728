using McMaster.Extensions.CommandLineUtils;

namespace Truto.Cli.HostCommands;

[Command("plugins", "plugin", Description = "List, create, install and remove plugins.")]
[Subcommand(typeof(PluginsListCommand), typeof(PluginsInitCommand), typeof(PluginsInstallCommand), typeof(PluginsRemoveCommand))]
internal sealed class PluginsCommand
{
}
