using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.Plugins.Profiles.ProfilesPlugin))]

namespace Truto.Plugins.Profiles;

public sealed class ProfilesPlugin : ITrutoPlugin
{
    public string Name => "profiles";

    public string Description => "Manage saved profiles and bring-your-own keys.";

    public void Register(IPluginBuilder plugin) => plugin
        .AddCommand<ProfilesCommand>()
        .AddCommand<UseProfileCommand>(); // `truto use <name>`, the official shortcut for `truto profiles use`
}
