using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Plugins;
using Truto.Cli.Reference;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.HostCommands;

[Command("context", Description = "Print a markdown reference of every command, plugins' included, for agents and newcomers.",
    ExtendedHelpText = """

Generated from the commands truto has right now: every command with its options, descriptions
and examples, the global options, output formats, exit codes, and how tokens and keys resolve.

Examples:
  truto context > truto-reference.md
  truto context --full
""")]
internal sealed class ContextCommand(IStandardStreams streams, PluginInventory inventory) : ITrutoCommand
{
    [Option("--full", Description = "Add each command's whole extended help text.")]
    public bool Full { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var hostCommands = TrutoHost.HostCommands;
        await streams.Out.WriteAsync(ContextReference.Render(inventory, hostCommands, streams, TrutoHost.Version, Full));
        return ExitCodes.Success;
    }
}
