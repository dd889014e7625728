using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Sdk.Plugins;
using Truto.Plugins.Build.Crawl;
using Truto.Plugins.Build.Llm;
using Truto.Plugins.Build.Refinement;

[assembly: TrutoPlugin(typeof(Truto.Plugins.Build.BuildPlugin))]

namespace Truto.Plugins.Build;

public sealed class BuildPlugin : ITrutoPlugin
{
    public string Name => "build";

    public string Description => "Build, lint and apply integration definitions.";

    public void Register(IPluginBuilder plugin)
    {
        plugin.AddCommand<IntegrationsCommand>();

        // The LLM refinement agent (Anthropic Messages API) and the documentation fetcher (Firecrawl, or local).
        // Both are cheap to construct: no client, connection or file is created until a build calls them.
        plugin.Services.AddSingleton<IIntegrationRefiner>(_ => new AnthropicRefiner(AnthropicTransportSettings.Default, TimeProvider.System));
        plugin.Services.AddSingleton<IDocumentationFetcher>(_ => new DocumentationFetcher(DocumentationFetcherSettings.Default, TimeProvider.System));
    }
}
