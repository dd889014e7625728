using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.Plugins.ApiTokens.ApiTokensPlugin))]

namespace Truto.Plugins.ApiTokens;

public sealed class ApiTokensPlugin : ITrutoPlugin
{
    public string Name => "api-tokens";

    public string Description => "Read the environment's API tokens.";

    public void Register(IPluginBuilder plugin) => plugin.AddCommand<ApiTokensCommand>();
}
