using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.NextMajorSdk.NextMajorSdkPlugin))]

namespace Truto.TestPlugins.NextMajorSdk;

public sealed class NextMajorSdkPlugin : ITrutoPlugin
{
    public string Name => "next-major-sdk";

    public string Description => "Built for the next SDK major.";

    public void Register(IPluginBuilder plugin)
    {
    }
}
