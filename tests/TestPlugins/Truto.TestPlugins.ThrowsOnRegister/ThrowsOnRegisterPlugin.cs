using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.ThrowsOnRegister.ThrowsOnRegisterPlugin))]

namespace Truto.TestPlugins.ThrowsOnRegister;

public sealed class ThrowsOnRegisterPlugin : ITrutoPlugin
{
    public string Name => "throws-on-register";

    public string Description => "Fails while registering.";

    public void Register(IPluginBuilder plugin) =>
        throw new InvalidOperationException("boom while registering the test plugin");
}
