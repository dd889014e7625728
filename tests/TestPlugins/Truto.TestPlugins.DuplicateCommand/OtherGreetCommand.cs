using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.TestPlugins.DuplicateCommand;

[Command("greet", Description = "Greet, the other way.")]
public sealed class OtherGreetCommand(IOutput output) : ITrutoCommand
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        await output.WriteObjectAsync(new { greeting = "Hello from duplicate-command" }, cancellationToken);
        return ExitCodes.Success;
    }
}
