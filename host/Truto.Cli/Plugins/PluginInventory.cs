namespace Truto.Cli.Plugins;

/// <summary>What discovery found this run, for the host's own commands and the root help.</summary>
internal sealed record PluginInventory(IReadOnlyList<PluginRecord> Plugins)
{
    public IEnumerable<PluginRecord> Loaded => Plugins.Where(p => p.Status == PluginStatus.Loaded);

    public IEnumerable<PluginRecord> Unusable => Plugins.Where(p => p.Status != PluginStatus.Loaded);

    public (PluginRecord Plugin, CommandInfo Command)? FindCommand(string name) =>
        Loaded.SelectMany(p => p.Commands.Select(c => (Plugin: p, Command: c)))
            .Where(x => x.Command.Answers(name))
            .Select(x => ((PluginRecord, CommandInfo)?)x)
            .FirstOrDefault();
}
