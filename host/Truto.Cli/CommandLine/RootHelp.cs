using System.Text;
using Truto.Cli.Plugins;

namespace Truto.Cli.CommandLine;

/// <summary>
/// <c>truto</c> and <c>truto --help</c>: every command grouped by the plugin that adds it, rendered from the plugin
/// inventory without building any command tree.
/// </summary>
internal static class RootHelp
{
    public static string Render(PluginInventory inventory, IReadOnlyList<CommandInfo> hostCommands, string version)
    {
        var text = new StringBuilder();
        text.Append($"truto {version}: the Truto command-line tool\n\n");
        text.Append("Usage: truto <command> [subcommand] [options]\n");

        var groups = inventory.Loaded
            .Where(p => p.Commands.Count > 0)
            .Select(p => (Title: $"{p.Name} ({p.Description})", p.Commands))
            .Append((Title: "truto", Commands: hostCommands))
            .ToList();
        var width = groups.SelectMany(g => g.Commands).Select(c => c.Name.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var (title, commands) in groups)
        {
            text.Append($"\n{title}:\n");
            foreach (var command in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                text.Append($"  {command.Name.PadRight(width)}{command.Description}\n");
            }
        }

        text.Append("""

Global options (accepted by every command):
  -p, --profile <name>   Use this profile instead of the active one
      --token <token>    Use this API token instead of the profile's (for CI)
      --api-url <url>    Use this API base URL instead of the profile's
  -o, --output <format>  table, json, ndjson, csv or yaml
  -v, --verbose          Print HTTP traffic (secrets redacted) and stack traces to stderr
  -h, --help             Show help
      --version          Show truto's version

Run 'truto <command> --help' for a command's options and examples.

""");
        var unusable = inventory.Unusable.Count();
        if (unusable > 0)
        {
            text.Append($"{unusable} plugin(s) could not be loaded: run 'truto plugins list' to see why.\n");
        }

        return text.ToString();
    }
}
