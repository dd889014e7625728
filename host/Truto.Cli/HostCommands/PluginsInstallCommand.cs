using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.HostCommands;

[Command("install", Description = "Install a plugin for your user (~/.truto/plugins) after checking that it loads.",
    ExtendedHelpText = """

The source is a built plugin folder, a .zip of one, a .nupkg, or a plugin project folder (which is
published first). Nothing is copied unless the plugin loads, is compatible and its commands are free.

Examples:
  truto plugins install ./src/AcmeTools
  truto plugins install ./bin/Release/net10.0
  truto plugins install acme-tools-1.2.0.zip --force
""")]
internal sealed class PluginsInstallCommand(PluginInstaller installer, IOutput output) : ITrutoCommand
{
    [Required(ErrorMessage = "give the plugin to install: a folder, .zip, .nupkg or project folder")]
    [Argument(0, "source", "A built plugin folder, a .zip or .nupkg, or a plugin project folder.")]
    public string? Source { get; set; }

    [Option("-f|--force", Description = "Replace a plugin of the same name that is already installed.")]
    public bool Force { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var plugin = await installer.InstallAsync(Source!, Force, output.Status, cancellationToken);
        output.Status($"Installed {plugin.Name} {plugin.Version} in {Path.GetDirectoryName(plugin.Path)}; it adds: {string.Join(", ", plugin.Commands.Select(c => c.Name))}.");
        return ExitCodes.Success;
    }
}
