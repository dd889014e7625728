using Truto.Cli.Sdk.Plugins;

namespace Truto.TestPlugins.NoEntryAttribute;

// Deliberately no [assembly: TrutoPlugin(typeof(NoEntryAttributePlugin))].
public sealed class NoEntryAttributePlugin : ITrutoPlugin
{
    public string Name => "no-entry-attribute";

    public string Description => "Forgot its entry attribute.";

    public void Register(IPluginBuilder plugin)
    {
    }
}
