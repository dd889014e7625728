using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Sdk.Plugins;
using Truto.TestPlugins.MissingDependency.Helper;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.MissingDependency.MissingDependencyPlugin))]

namespace Truto.TestPlugins.MissingDependency;

public sealed class MissingDependencyPlugin : ITrutoPlugin
{
    public string Name => "missing-dependency";

    public string Description => "Needs the library shipped beside it.";

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddSingleton<FarewellComposer>();
        plugin.AddCommand<FarewellCommand>();
    }
}
