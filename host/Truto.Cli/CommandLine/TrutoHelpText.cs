using System.Text;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.HelpText;
using Truto.Cli.Terminal;

namespace Truto.Cli.CommandLine;

/// <summary>
/// <c>truto &lt;command&gt; --help</c>: description, usage, arguments, the command's own options, then the global
/// options, subcommands, and the command's extended text with its examples. A command that has no examples of its
/// own gets one made from its usage, so every command, plugins' included, shows at least one.
/// </summary>
internal sealed class TrutoHelpText(Ansi style) : IHelpTextGenerator
{
    /// <summary>Uses this generator for <paramref name="root"/> and every command below it.</summary>
    public static void Install(CommandLineApplication root, Ansi style)
    {
        var generator = new TrutoHelpText(style);
        foreach (var command in CommandWalk.All(root))
        {
            command.HelpTextGenerator = generator;
        }
    }

    public void Generate(CommandLineApplication application, TextWriter output) =>
        output.Write(Render(application, style));

    public static string Render(CommandLineApplication command, Ansi style)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            text.Append(command.Description.Trim()).Append("\n\n");
        }

        text.Append(style.Bold("Usage:")).Append(' ').Append(Usage(command)).Append('\n');

        var arguments = command.Arguments.Where(a => a.ShowInHelpText).ToArray();
        if (arguments.Length > 0)
        {
            text.Append('\n').Append(style.Bold("Arguments:")).Append('\n');
            Rows(text, arguments.Select(a => (a.Name ?? "", a.Description ?? "")));
        }

        var (own, global) = OptionGroups(command);
        if (own.Count > 0)
        {
            text.Append('\n').Append(style.Bold("Options:")).Append('\n');
            Rows(text, own.Select(o => (OptionSyntax(o), o.Description ?? "")));
        }

        var subcommands = Subcommands(command);
        if (subcommands.Count > 0)
        {
            text.Append('\n').Append(style.Bold("Commands:")).Append('\n');
            Rows(text, subcommands.Select(c => (c.Name ?? "", c.Description ?? "")));
            text.Append($"\nRun '{CommandPath.Of(command)} <command> --help' for a command's options and examples.\n");
        }

        text.Append('\n').Append(style.Bold("Global options:")).Append('\n');
        Rows(text, global.Select(o => (OptionSyntax(o), o.Description ?? "")));

        var extended = command.ExtendedHelpText?.Trim('\r', '\n');
        if (!string.IsNullOrWhiteSpace(extended))
        {
            text.Append('\n').Append(HighlightHeadings(extended, style)).Append('\n');
        }

        if (!HasExamples(command))
        {
            text.Append('\n').Append(style.Bold("Examples:")).Append('\n');
            foreach (var example in MadeUpExamples(command))
            {
                text.Append("  ").Append(example).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary><c>truto profiles set [options] &lt;key&gt; &lt;value&gt;</c>, or <c>truto plugins &lt;command&gt; [options]</c>.</summary>
    public static string Usage(CommandLineApplication command)
    {
        var usage = new StringBuilder(CommandPath.Of(command));
        if (Subcommands(command).Count > 0)
        {
            usage.Append(" <command>");
        }

        usage.Append(" [options]");
        foreach (var argument in command.Arguments.Where(a => a.ShowInHelpText))
        {
            usage.Append(" <").Append(argument.Name).Append(argument.MultipleValues ? "...>" : ">");
        }

        return usage.ToString();
    }

    /// <summary>The command's own options, then those every command inherits from the root.</summary>
    public static (IReadOnlyList<CommandOption> Own, IReadOnlyList<CommandOption> Global) OptionGroups(CommandLineApplication command)
    {
        var all = command.GetOptions().Where(o => o.ShowInHelpText).ToArray();
        var root = command;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var global = all.Where(o => root.Options.Contains(o)).ToArray();
        return (all.Except(global).ToArray(), global);
    }

    public static IReadOnlyList<CommandLineApplication> Subcommands(CommandLineApplication command) =>
        command.Commands.Where(c => c.ShowInHelpText).OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();

    /// <summary><c>-p, --profile &lt;name&gt;</c>; a long-only option is indented to line up.</summary>
    public static string OptionSyntax(CommandOption option)
    {
        var names = new List<string>();
        if (!string.IsNullOrEmpty(option.ShortName)) names.Add("-" + option.ShortName);
        if (!string.IsNullOrEmpty(option.LongName)) names.Add("--" + option.LongName);
        if (!string.IsNullOrEmpty(option.SymbolName)) names.Add("-" + option.SymbolName);
        var syntax = string.Join(", ", names);
        if (option.OptionType != CommandOptionType.NoValue)
        {
            syntax += $" <{(string.IsNullOrEmpty(option.ValueName) ? "value" : option.ValueName)}>";
        }

        return string.IsNullOrEmpty(option.ShortName) && string.IsNullOrEmpty(option.SymbolName) ? "    " + syntax : syntax;
    }

    public static bool HasExamples(CommandLineApplication command) =>
        command.ExtendedHelpText?.Contains("Examples:", StringComparison.Ordinal) == true;

    /// <summary>For a command without examples of its own: its subcommands, or itself with its arguments.</summary>
    public static IReadOnlyList<string> MadeUpExamples(CommandLineApplication command)
    {
        var path = CommandPath.Of(command);
        var subcommands = Subcommands(command);
        if (subcommands.Count > 0)
        {
            return subcommands.Take(2).Select(c => $"{path} {c.Name}").Append($"{path} {subcommands[0].Name} --help").ToArray();
        }

        var arguments = string.Concat(command.Arguments.Where(a => a.ShowInHelpText).Select(a => $" <{a.Name}>"));
        return [path + arguments, $"{path}{arguments} -o json"];
    }

    private static void Rows(StringBuilder text, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToArray();
        var width = list.Select(r => r.Left.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var (left, right) in list)
        {
            text.Append("  ").Append(string.IsNullOrEmpty(right) ? left : left.PadRight(width) + right).Append('\n');
        }
    }

    private static string HighlightHeadings(string extended, Ansi style)
    {
        if (!style.Enabled)
        {
            return extended;
        }

        var lines = extended.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r') is "Examples:")
            {
                lines[i] = style.Bold("Examples:");
            }
        }

        return string.Join('\n', lines);
    }
}

/// <summary>Every command of a tree, depth first, parents before children.</summary>
internal static class CommandWalk
{
    public static IEnumerable<CommandLineApplication> All(CommandLineApplication root)
    {
        yield return root;
        foreach (var child in root.Commands)
        {
            foreach (var descendant in All(child))
            {
                yield return descendant;
            }
        }
    }
}
