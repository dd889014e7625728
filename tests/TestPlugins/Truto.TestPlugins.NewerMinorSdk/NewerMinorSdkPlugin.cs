using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.NewerMinorSdk.NewerMinorSdkPlugin))]

namespace Truto.TestPlugins.NewerMinorSdk;

public sealed class NewerMinorSdkPlugin : ITrutoPlugin
{
    public string Name => "newer-minor-sdk";

    public string Description => "Built for a newer SDK minor.";

    public void Register(IPluginBuilder plugin)
    {
    }
}
