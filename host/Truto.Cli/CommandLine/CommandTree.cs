using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.CommandLine;

/// <summary>
/// A command tree for reading, not running: <c>truto context</c> and completion walk it for names, options and help.
/// No command object is ever constructed (nothing is parsed), so no plugin service is needed or touched.
/// </summary>
internal static class CommandTree
{
    private static readonly MethodInfo AddCommandMethod =
        typeof(CommandTree).GetMethod(nameof(AddCommand), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The root (with the global options) and the given top-level commands with all their subcommands.</summary>
    /// <remarks>
    /// A command whose declarations CommandLineUtils rejects is left out and named in <paramref name="skipped"/>, so
    /// one broken plugin command does not take completion and the reference down with it.
    /// </remarks>
    public static CommandLineApplication Build(IEnumerable<CommandInfo> commands, IStandardStreams streams, ICollection<string>? skipped = null)
    {
        var root = new CommandLineApplication(new CommandLineConsole(streams)) { Name = "truto" };
        root.Conventions
            .UseAttributes()
            // Never asked for anything: models are built only when parsing, and these trees are never parsed.
            .AddConvention(new LazyConstructionConvention(new ServiceCollection().BuildServiceProvider()));
        GlobalOptions.AddTo(root);
        foreach (var command in commands)
        {
            if (command.ModelType is null)
            {
                skipped?.Add($"{command.Name}: its plugin is not loaded");
                continue;
            }

            try
            {
                AddCommandMethod.MakeGenericMethod(command.ModelType).Invoke(null, [root, command.Name]);
            }
            catch (TargetInvocationException e)
            {
                skipped?.Add($"{command.Name}: {e.InnerException?.Message ?? e.Message}");
                if (root.Commands.LastOrDefault() is { } broken && broken.Name == command.Name)
                {
                    root.Commands.Remove(broken);
                }
            }
        }

        return root;
    }

    /// <summary>Every top-level command: the plugins' (in discovery order) then the host's own.</summary>
    public static IEnumerable<CommandInfo> Everything(PluginInventory inventory, IEnumerable<CommandInfo> hostCommands) =>
        inventory.Loaded.SelectMany(p => p.Commands).Concat(hostCommands);

    private static void AddCommand<TModel>(CommandLineApplication root, string name) where TModel : class =>
        root.Command<TModel>(name, _ => { });
}
