using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.Plugins.Build.BuildPlugin))]

namespace Truto.Plugins.Build;

public sealed class BuildPlugin : ITrutoPlugin
{
    public string Name => "build";

    public string Description => "Build, lint and apply integration definitions.";

    public void Register(IPluginBuilder plugin) => plugin.AddCommand<IntegrationsCommand>();
}
