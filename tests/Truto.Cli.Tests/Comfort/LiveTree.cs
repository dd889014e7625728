using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.CommandLine;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Testing;
using Truto.Cli.Tests.Plugins;

namespace Truto.Cli.Tests.Comfort;

/// <summary>
/// The command tree truto builds from the bundled plugins (and the Greeter test plugin, when asked), walked
/// independently of the commands under test, so a test can check each one covers every command there is.
/// </summary>
internal static class LiveTree
{
    public static string GreeterAssembly =>
        Path.Combine(AppContext.BaseDirectory, "testplugins", TestPlugin.Greeter, TestPlugin.Greeter + ".dll");

    /// <summary>Every command of the bundled plugins and of truto itself that help shows, parents before children.</summary>
    public static IReadOnlyList<CommandLineApplication> Commands()
    {
        var searchPath = new[] { new PluginFolder(Path.Combine(AppContext.BaseDirectory, "plugins"), PluginSource.Bundled) };
        var hostCommands = TrutoHost.HostCommands;
        var reserved = hostCommands.SelectMany(c => c.Aliases.Prepend(c.Name)).ToArray();
        var inventory = new PluginInventory(new PluginCatalog(new McMasterPluginLoader(), PluginCatalog.HostSdkVersion, reserved, strictModes: false).Discover(searchPath));
        var root = CommandTree.Build(CommandTree.Everything(inventory, hostCommands), new TestTerminal());
        return CommandWalk.All(root).Skip(1).Where(c => c.ShowInHelpText).ToArray();
    }

    /// <summary>The words after <c>truto</c> that run <paramref name="command"/>.</summary>
    public static string[] Words(CommandLineApplication command) => CommandPath.Of(command).Split(' ')[1..];
}
