using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.Nonconforming.NonconformingPlugin))]

namespace Truto.TestPlugins.Nonconforming;

public sealed class NonconformingPlugin : ITrutoPlugin
{
    public string Name => "nonconforming";

    public string Description => "Breaks the plugin conventions on purpose, for the conformance check's tests.";

    public void Register(IPluginBuilder plugin) => plugin.AddCommand<ShoutCommand>();
}

[Command("shout")]
[Subcommand(typeof(LoudCommand))]
public sealed class ShoutCommand
{
}

[Command("loud", Description = "Prints straight to the console.")]
public sealed class LoudCommand : ITrutoCommand
{
    public Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine(Environment.GetEnvironmentVariable("HOME"));
        Environment.Exit(3);
        return Task.FromResult(0);
    }
}
