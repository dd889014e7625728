using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.PrivateDependency.PrivateDependencyPlugin))]

namespace Truto.TestPlugins.PrivateDependency;

public sealed class PrivateDependencyPlugin : ITrutoPlugin
{
    public string Name => "private-dependency";

    public string Description => "Uses its own YamlDotNet.";

    public void Register(IPluginBuilder plugin) => plugin.AddCommand<YamlVersionCommand>();
}
