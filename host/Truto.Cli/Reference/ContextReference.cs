using System.Text;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.CommandLine;
using Truto.Cli.Completion;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Reference;

/// <summary>
/// <c>truto context</c>: the whole tool as one markdown document, generated from the live command tree (every
/// plugin's commands included), so an agent or a newcomer can learn it from one command.
/// </summary>
internal static class ContextReference
{
    public static string Render(PluginInventory inventory, IReadOnlyList<CommandInfo> hostCommands, IStandardStreams streams, string version, bool full)
    {
        var text = new StringBuilder();
        text.Append($"# truto {version} command reference\n\n");
        text.Append("`truto` is the command-line tool of the Truto unified-API platform. Every command below comes from a plugin ");
        text.Append("(or from truto itself) and accepts the global options. stdout carries data only; status, hints, warnings and ");
        text.Append("errors go to stderr.\n\n");
        text.Append("Usage: `truto <command> [subcommand] [options] [arguments]`; `truto <command> --help` shows one command.\n\n");

        var skipped = new List<string>();
        inventory.ActivateAll(); // the reference shows every option of every command
        var root = CommandTree.Build(CommandTree.Everything(inventory, hostCommands), streams, skipped);
        AppendGlobalOptions(text, root);
        text.Append(StaticSections);

        var groups = inventory.Loaded.Where(p => p.Commands.Count > 0)
            .Select(p => (Title: $"Plugin `{p.Name}`", Description: p.Description, p.Commands))
            .Append((Title: "truto itself", Description: (string?)"Commands about the host: plugins, completion, this reference.", Commands: hostCommands));
        text.Append("## Commands\n");
        foreach (var (title, description, commands) in groups)
        {
            text.Append($"\n### {title}\n\n");
            if (!string.IsNullOrWhiteSpace(description))
            {
                text.Append(description.Trim()).Append('\n');
            }

            foreach (var info in commands.Where(Shown))
            {
                if (root.Commands.FirstOrDefault(c => c.Name == info.Name) is not { } top)
                {
                    continue;
                }

                foreach (var command in CommandWalk.All(top).Where(c => c.ShowInHelpText))
                {
                    AppendCommand(text, command, full);
                }
            }
        }

        foreach (var problem in skipped)
        {
            text.Append($"\nNot included, as its declarations are invalid: {problem}\n");
        }

        var unusable = inventory.Unusable.Select(p => p.Name).ToArray();
        if (unusable.Length > 0)
        {
            text.Append($"\nNot included: {unusable.Length} plugin(s) that could not be loaded ({string.Join(", ", unusable)}); `truto plugins list` says why.\n");
        }

        return text.ToString();
    }

    private static bool Shown(CommandInfo command) => !command.Hidden;

    private static void AppendGlobalOptions(StringBuilder text, CommandLineApplication root)
    {
        text.Append("## Global options\n\nAccepted by every command:\n\n| option | meaning |\n| --- | --- |\n");
        foreach (var option in root.GetOptions().Where(o => o.ShowInHelpText))
        {
            text.Append($"| `{TrutoHelpText.OptionSyntax(option).Trim()}` | {Cell(option.Description)} |\n");
        }

        text.Append("| `--version` | Print truto's version (alone, as `truto --version`). |\n\n");
    }

    private static void AppendCommand(StringBuilder text, CommandLineApplication command, bool full)
    {
        text.Append($"\n#### `{CommandPath.Of(command)}`");
        var aliases = command.Names.Skip(1).ToArray();
        if (aliases.Length > 0)
        {
            text.Append($" (alias: {string.Join(", ", aliases.Select(a => $"`{a}`"))})");
        }

        text.Append("\n\n");
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            text.Append(command.Description.Trim()).Append("\n\n");
        }

        text.Append($"Usage: `{TrutoHelpText.Usage(command)}`\n");
        var arguments = command.Arguments.Where(a => a.ShowInHelpText).ToArray();
        if (arguments.Length > 0)
        {
            text.Append("\nArguments:\n");
            foreach (var argument in arguments)
            {
                text.Append($"- `<{argument.Name}>`: {argument.Description}\n");
            }
        }

        var (own, _) = TrutoHelpText.OptionGroups(command);
        if (own.Count > 0)
        {
            text.Append("\nOptions:\n");
            foreach (var option in own)
            {
                text.Append($"- `{TrutoHelpText.OptionSyntax(option).Trim()}`: {option.Description}\n");
            }
        }

        var subcommands = TrutoHelpText.Subcommands(command);
        if (subcommands.Count > 0)
        {
            text.Append($"\nSubcommands: {string.Join(", ", subcommands.Select(c => $"`{c.Name}`"))}\n");
        }

        var extended = command.ExtendedHelpText?.Trim('\r', '\n') ?? "";
        if (full && extended.Trim().Length > 0)
        {
            text.Append("\n```text\n").Append(extended.Trim('\n')).Append("\n```\n");
            if (TrutoHelpText.HasExamples(command))
            {
                return;
            }
        }

        var examples = Examples(command, extended);
        text.Append("\nExamples:\n\n```sh\n").Append(string.Join('\n', examples)).Append("\n```\n");
    }

    /// <summary>The lines under "Examples:" in the command's help text, else ones made from its usage.</summary>
    private static IReadOnlyList<string> Examples(CommandLineApplication command, string extended)
    {
        if (!TrutoHelpText.HasExamples(command))
        {
            return TrutoHelpText.MadeUpExamples(command);
        }

        var lines = extended.Split('\n').Select(l => l.TrimEnd('\r'));
        return lines.SkipWhile(l => l.Trim() != "Examples:").Skip(1)
            .TakeWhile(l => l.StartsWith(' ') || l.Length == 0)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Trim())
            .ToArray();
    }

    private static string Cell(string? text) => (text ?? "").Replace("|", "\\|").Trim();

    private static string StaticSections => $$"""
        ## Output formats

        `-o, --output <format>` chooses one of: {{string.Join(", ", Completer.OutputFormats.Select(f => $"`{f}`"))}}.

        - `table` (default for most commands): aligned, headed and fitted to the terminal's width on a terminal; tab-separated, headerless and never shortened when piped.
        - `json`: indented, the API's objects as returned.
        - `ndjson`: one compact JSON object per line, streamed and flushed per record.
        - `csv`: RFC 4180, columns fixed by the command (or the first record).
        - `yaml`.

        Machine formats print nothing but data. Colour is used only on a terminal, never with `--no-color`, `NO_COLOR` set, or `TERM=dumb`. The width is the terminal's, else `COLUMNS`, else 80.

        ## Exit codes

        | code | meaning |
        | --- | --- |
        | `0` | success |
        | `1` | failure (API or runtime error) |
        | `2` | usage or input error (unknown command or option, missing argument, bad value) |
        | `130` | cancelled (Ctrl+C) |

        Errors are one line on stderr (`error: ...`) with a hint on the next line; `-v` adds the stack trace.

        ## Token and key resolution

        - API token: `--token`, else the selected profile's (`-p`, else the active profile), else an error telling you to run `truto login`.
        - API URL: `--api-url`, else the profile's, else `https://api.truto.one`.
        - Bring-your-own keys (Anthropic, Firecrawl, Fireworks): the command's flag, else `ANTHROPIC_API_KEY` / `FIRECRAWL_API_KEY` / `FIREWORKS_API_KEY`, else the profile's, else a masked prompt on a terminal.
        - Profiles live in `~/.truto/config.json` (`TRUTO_CONFIG_DIR` names another folder); `truto profiles set|get <key>` read and write a profile's keys. Secrets never appear in output except with `profiles get --reveal`.
        - Plugins are searched in `plugins/` beside the executable, `~/.truto/plugins/`, then each folder of `TRUTO_PLUGIN_PATH`.


        """;
}
