using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Conventions;
using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.CommandLine;

/// <summary>
/// Command trees: the root every tree grows from (the run's, which is parsed, and the ones <c>truto context</c> and
/// completion walk for names, options and help, which never are).
/// </summary>
internal static class CommandTree
{
    private static readonly MethodInfo AddCommandMethod =
        typeof(CommandTree).GetMethod(nameof(AddCommand), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// An empty root with the attribute conventions (CommandLineUtils' UseAttributes(), but
    /// <see cref="NamedSubcommandConvention"/> for <c>[Subcommand]</c>); a command object is built from
    /// <paramref name="services"/> only when the parser first needs it.
    /// </summary>
    public static CommandLineApplication Root(IConsole console, IServiceProvider services, IReadOnlyList<string> commandPath)
    {
        var root = new CommandLineApplication(console) { Name = "truto", MakeSuggestionsInErrorMessage = true };
        root.Conventions
            .AddConvention(new AttributeConvention())
            .UseCommandAttribute()
            .UseVersionOptionFromMemberAttribute()
            .UseVersionOptionAttribute()
            .UseHelpOptionAttribute()
            .UseOptionAttributes()
            .UseArgumentAttributes()
            .AddConvention(new NamedSubcommandConvention(commandPath))
            .SetParentPropertyOnModel()
            .AddConvention(new LazyConstructionConvention(services));
        return root;
    }

    /// <summary>Adds a top-level command (its plugin activated) with its subcommands.</summary>
    public static void Add(CommandLineApplication root, CommandInfo command) => AddModel(root, command.ModelType!, command.Name);

    /// <summary>
    /// Adds the command whose class is <paramref name="model"/> under <paramref name="parent"/>, named
    /// <paramref name="name"/> or, when null, by its own <c>[Command]</c> attribute. CommandLineUtils takes the class
    /// only as a type argument, hence the reflection.
    /// </summary>
    public static void AddModel(CommandLineApplication parent, Type model, string? name = null) =>
        AddCommandMethod.MakeGenericMethod(model).Invoke(null, [parent, name]);

    /// <summary>The root (with the global options) and the given top-level commands with all their subcommands.</summary>
    /// <remarks>
    /// A command whose declarations CommandLineUtils rejects is left out and named in <paramref name="skipped"/>, so
    /// one broken plugin command does not take completion and the reference down with it.
    /// </remarks>
    public static CommandLineApplication Build(IEnumerable<CommandInfo> commands, IStandardStreams streams, ICollection<string>? skipped = null)
    {
        // An empty container is never asked for anything: models are built only when parsing, and this tree is not.
        var root = Root(new CommandLineConsole(streams), new ServiceCollection().BuildServiceProvider(), commandPath: []);
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
                Add(root, command);
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

    private static void AddCommand<TModel>(CommandLineApplication parent, string? name) where TModel : class =>
        parent.Command<TModel>(name!, _ => { });
}
