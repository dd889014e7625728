using System.Text;
using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Plugins;
using Truto.Cli.Terminal;

namespace Truto.Cli.CommandLine;

/// <summary>
/// <c>truto</c> and <c>truto --help</c>: every command grouped by the plugin that adds it, rendered from the plugin
/// inventory without building any command tree.
/// </summary>
internal static class RootHelp
{
    public static string Render(PluginInventory inventory, IReadOnlyList<CommandInfo> hostCommands, string version, Ansi? style = null)
    {
        style ??= Ansi.Plain;
        var text = new StringBuilder();
        text.Append($"truto {version}: the Truto command-line tool\n\n");
        text.Append($"{style.Bold("Usage:")} truto <command> [subcommand] [options]\n");

        var groups = inventory.Loaded
            .Where(p => p.Commands.Count > 0)
            .Select(p => (Title: $"{p.Name} ({p.Description})", p.Commands))
            .Append((Title: "truto", Commands: hostCommands))
            .ToList();
        var width = groups.SelectMany(g => g.Commands).Select(c => c.Name.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var (title, commands) in groups)
        {
            text.Append($"\n{style.Bold(title + ":")}\n");
            foreach (var command in commands.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                text.Append($"  {command.Name.PadRight(width)}{command.Description}\n");
            }
        }

        text.Append('\n').Append(style.Bold("Global options (accepted by every command):"));
        text.Append("""

  -p, --profile <name>   Use this profile instead of the active one
      --token <token>    Use this API token instead of the profile's (for CI)
      --api-url <url>    Use this API base URL instead of the profile's
  -o, --output <format>  table, json, ndjson, csv or yaml
  -v, --verbose          Print HTTP traffic (secrets redacted) and stack traces to stderr
      --no-color         Never colour the output (as NO_COLOR=1 or TERM=dumb do)
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
