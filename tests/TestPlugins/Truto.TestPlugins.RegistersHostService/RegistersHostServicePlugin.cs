using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.RegistersHostService.RegistersHostServicePlugin))]

namespace Truto.TestPlugins.RegistersHostService;

public sealed class RegistersHostServicePlugin : ITrutoPlugin
{
    public string Name => "registers-host-service";

    public string Description => "Tries to replace the host's output.";

    public void Register(IPluginBuilder plugin) => plugin.Services.AddSingleton<IOutput, SilentOutput>();
}
