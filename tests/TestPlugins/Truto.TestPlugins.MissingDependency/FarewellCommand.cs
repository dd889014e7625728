using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.TestPlugins.MissingDependency.Helper;

namespace Truto.TestPlugins.MissingDependency;

[Command("farewell", Description = "Say goodbye.")]
public sealed class FarewellCommand(IOutput output, FarewellComposer composer) : ITrutoCommand
{
    [Argument(0, "name", Description = "Who to say goodbye to.")]
    public string Name { get; set; } = "world";

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        await output.WriteObjectAsync(new { farewell = composer.Compose(Name) }, cancellationToken);
        return ExitCodes.Success;
    }
}
