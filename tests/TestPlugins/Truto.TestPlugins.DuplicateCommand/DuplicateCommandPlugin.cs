using Truto.Cli.Sdk.Plugins;

[assembly: TrutoPlugin(typeof(Truto.TestPlugins.DuplicateCommand.DuplicateCommandPlugin))]

namespace Truto.TestPlugins.DuplicateCommand;

public sealed class DuplicateCommandPlugin : ITrutoPlugin
{
    public string Name => "duplicate-command";

    public string Description => "Adds a greet command of its own.";

    public void Register(IPluginBuilder plugin) => plugin.AddCommand<OtherGreetCommand>();
}
