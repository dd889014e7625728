using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Sdk.Plugins;
using Truto.Plugins.Build.Sources;

[assembly: TrutoPlugin(typeof(Truto.Plugins.Build.BuildPlugin))]

namespace Truto.Plugins.Build;

public sealed class BuildPlugin : ITrutoPlugin
{
    public string Name => "build";

    public string Description => "Build, lint and apply integration definitions.";

    public void Register(IPluginBuilder plugin)
    {
        plugin.AddCommand<IntegrationsCommand>();

        // Remote spec files for `integrations build` (lazy: constructed only when a build fetches a URL).
        plugin.Services.AddSingleton<SpecDownloader>();
    }
}
