using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.Plugins.Auth.AuthPlugin))]

namespace Truto.Plugins.Auth;

public sealed class AuthPlugin : ITrutoPlugin
{
    public string Name => "auth";

    public string Description => "Log in, log out and show who you are.";

    public void Register(IPluginBuilder plugin) => plugin
        .AddCommand<LoginCommand>()
        .AddCommand<LogoutCommand>()
        .AddCommand<WhoamiCommand>();
}
