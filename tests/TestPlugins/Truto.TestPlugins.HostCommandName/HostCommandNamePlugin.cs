using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.HostCommandName.HostCommandNamePlugin))]

namespace Truto.TestPlugins.HostCommandName;

public sealed class HostCommandNamePlugin : ITrutoPlugin
{
    public string Name => "host-command-name";

    public string Description => "Adds a context command, which is truto's own.";

    public void Register(IPluginBuilder plugin) => plugin.AddCommand<OwnContextCommand>();
}
