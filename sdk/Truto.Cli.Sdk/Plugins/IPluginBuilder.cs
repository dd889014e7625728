using Microsoft.Extensions.DependencyInjection;

namespace Truto.Cli.Sdk.Plugins;

/// <summary>What a plugin registers into while the host loads it.</summary>
public interface IPluginBuilder
{
    /// <summary>
    /// The plugin's private services. Host-owned contracts (everything in this SDK) must not be registered here:
    /// a plugin that tries is refused. Command classes are registered by the host; do not add them.
    /// </summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Adds a top-level command: a class carrying McMaster's <c>[Command]</c> attribute, its subcommands declared
    /// with <c>[Subcommand]</c>. Leaf commands implement <see cref="Commands.ITrutoCommand"/>.
    /// </summary>
    /// <typeparam name="TCommand">The command class.</typeparam>
    /// <returns>The same builder.</returns>
    IPluginBuilder AddCommand<TCommand>() where TCommand : class;
}
