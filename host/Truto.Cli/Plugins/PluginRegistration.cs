using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Sdk.Plugins;

namespace Truto.Cli.Plugins;

/// <summary>Collects what a plugin registers: its private services and its top-level command classes.</summary>
internal sealed class PluginRegistration : IPluginBuilder
{
    private readonly List<Type> _commands = [];

    public PluginRegistration(Assembly assembly) => Assembly = assembly;

    public Assembly Assembly { get; }

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IReadOnlyList<Type> CommandTypes => _commands;

    public IPluginBuilder AddCommand<TCommand>() where TCommand : class
    {
        _commands.Add(typeof(TCommand));
        return this;
    }
}
