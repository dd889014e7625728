using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.Samples.Hello.HelloPlugin))]

namespace Truto.Samples.Hello;

public sealed class HelloPlugin : ITrutoPlugin
{
    public string Name => "hello";

    public string Description => "A sample plugin built out of tree against the published SDK.";

    public void Register(IPluginBuilder plugin) => plugin.AddCommand<HelloCommand>();
}
