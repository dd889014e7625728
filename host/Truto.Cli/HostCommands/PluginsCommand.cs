using McMaster.Extensions.CommandLineUtils;

namespace Truto.Cli.HostCommands;

[Command("plugins", "plugin", Description = "List the plugins truto found and what they add.")]
[Subcommand(typeof(PluginsListCommand), typeof(PluginsInitCommand))]
internal sealed class PluginsCommand
{
}
