using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.Greeter.GreeterPlugin))]

namespace Truto.TestPlugins.Greeter;

public sealed class GreeterPlugin : ITrutoPlugin
{
    public string Name => "greeter";

    public string Description => "Greets people in several languages.";

    public void Register(IPluginBuilder plugin) => plugin.AddCommand<GreetCommand>();
}
