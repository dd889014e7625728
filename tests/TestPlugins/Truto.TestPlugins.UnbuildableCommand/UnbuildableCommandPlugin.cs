using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.UnbuildableCommand.UnbuildableCommandPlugin))]

namespace Truto.TestPlugins.UnbuildableCommand;

public sealed class UnbuildableCommandPlugin : ITrutoPlugin
{
    public string Name => "unbuildable-command";

    public string Description => "Forgets to register the clock its command needs.";

    // IClock is never added to plugin.Services.
    public void Register(IPluginBuilder plugin) => plugin.AddCommand<ClockCommand>();
}
