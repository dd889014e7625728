using Truto.Cli.Sdk.Errors;

namespace Truto.Cli.Plugins;

/// <summary>
/// What discovery found this run, for the host's own commands and the root help. Plugins described from the
/// manifest cache are loaded only when something needs their classes (<see cref="Activate"/>).
/// </summary>
internal sealed class PluginInventory
{
    private readonly PluginCatalog? _catalog;
    private readonly List<PluginRecord> _plugins;

    public PluginInventory(IReadOnlyList<PluginRecord> plugins, PluginCatalog? catalog = null)
    {
        _plugins = plugins.ToList();
        _catalog = catalog;
    }

    public IReadOnlyList<PluginRecord> Plugins => _plugins;

    public IEnumerable<PluginRecord> Loaded => _plugins.Where(p => p.Status == PluginStatus.Loaded);

    public IEnumerable<PluginRecord> Unusable => _plugins.Where(p => p.Status != PluginStatus.Loaded);

    public (PluginRecord Plugin, CommandInfo Command)? FindCommand(string name)
    {
        foreach (var plugin in Loaded)
        {
            foreach (var command in plugin.Commands)
            {
                if (command.Answers(name))
                {
                    return (plugin, command);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The plugin loaded into this process, with its command classes. A plugin that no longer loads is recorded as
    /// failed (so <c>plugins list</c> and the reference say why) and a <see cref="CliException"/> explains it.
    /// </summary>
    public PluginRecord Activate(PluginRecord plugin)
    {
        if (plugin.Registration is not null || _catalog is null)
        {
            return plugin;
        }

        // Once per run: a second load would give the plugin's types a second, incompatible identity.
        var index = _plugins.FindIndex(p => p.Path == plugin.Path);
        if (index >= 0 && _plugins[index].Registration is not null)
        {
            return _plugins[index];
        }

        var activated = _catalog.Activate(plugin);
        if (index >= 0)
        {
            _plugins[index] = activated;
        }

        return activated.Status == PluginStatus.Loaded
            ? activated
            : throw new CliException($"plugin '{plugin.Name}' could not be loaded: {activated.Reason}", "Run 'truto plugins list' to see every plugin's state.");
    }

    /// <summary>The command with its class, activating its plugin if need be.</summary>
    public CommandInfo Activate(PluginRecord plugin, CommandInfo command)
    {
        if (command.ModelType is not null)
        {
            return command;
        }

        return Activate(plugin).Commands.FirstOrDefault(c => c.Name == command.Name)
            ?? throw new CliException($"plugin '{plugin.Name}' no longer provides the command '{command.Name}'", "Run 'truto plugins list' to see what it provides.");
    }

    /// <summary>Every loaded plugin activated, for what walks the whole command tree (the reference); a plugin that fails now is left out.</summary>
    public void ActivateAll()
    {
        foreach (var plugin in Loaded.ToArray())
        {
            try
            {
                Activate(plugin);
            }
            catch (CliException)
            {
                // recorded as failed by Activate; the callers list unusable plugins
            }
        }
    }
}
