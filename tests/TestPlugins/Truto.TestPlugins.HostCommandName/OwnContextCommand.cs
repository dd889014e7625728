using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;

namespace Truto.TestPlugins.HostCommandName;

[Command("context", Description = "A context of its own.")]
public sealed class OwnContextCommand : ITrutoCommand
{
    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => Task.FromResult(ExitCodes.Success);
}
