using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.TestPlugins.UnbuildableCommand;

public interface IClock
{
    DateTimeOffset Now { get; }
}

[Command("clock", Description = "Print the time.")]
public sealed class ClockCommand(IClock clock, IOutput output) : ITrutoCommand
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        await output.WriteObjectAsync(new { now = clock.Now }, cancellationToken);
        return ExitCodes.Success;
    }
}
