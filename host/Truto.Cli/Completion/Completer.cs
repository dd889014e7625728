using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Abstractions;
using Truto.Cli.CommandLine;
using Truto.Cli.Plugins;
using Truto.Cli.Profiles;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Startup;

namespace Truto.Cli.Completion;

/// <summary>
/// <c>truto __complete &lt;words...&gt;</c>, what the shell scripts call: the words typed after <c>truto</c>, the
/// last one being the word under the cursor (empty after a space). Prints the candidates that start with it, one a
/// line. Only the command being typed is built into a tree; values come from the tree, the config file (profile
/// names) and the commands' own declarations, never from the network, and nothing is ever asked.
/// </summary>
internal sealed class Completer(HostSettings settings, IStandardStreams streams, PluginInventory inventory, IReadOnlyList<CommandInfo> hostCommands)
{
    public const string CommandName = "__complete";

    /// <summary>The formats <c>-o</c> takes.</summary>
    public static readonly IReadOnlyList<string> OutputFormats = ["table", "json", "ndjson", "csv", "yaml"];

    public async Task<IReadOnlyList<string>> CompleteAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var current = words.Count == 0 ? "" : words[^1];
        var typed = words.Take(Math.Max(words.Count - 1, 0)).ToArray();
        var candidates = await CandidatesAsync(typed, current, cancellationToken);
        return candidates
            .Where(c => c.StartsWith(current, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private async Task<IEnumerable<string>> CandidatesAsync(string[] typed, string current, CancellationToken cancellationToken)
    {
        var topLevel = CommandTree.Everything(inventory, hostCommands).ToArray();
        var commandName = ArgumentScanner.FindCommandName(typed);
        var owner = commandName is null ? null : CommandWithClass(commandName);

        // Only the command being typed is built; at the top level, the names are all that is needed.
        var root = CommandTree.Build(owner is null ? [] : [owner], streams);
        var command = root;
        var position = 0;
        CommandOption? pendingOption = null;
        foreach (var word in typed)
        {
            if (pendingOption is not null)
            {
                pendingOption = null;
                continue;
            }

            if (word.StartsWith('-') && word.Length > 1)
            {
                var option = FindOption(command, word);
                if (option is not null && option.OptionType != CommandOptionType.NoValue && !word.Contains('='))
                {
                    pendingOption = option;
                }

                continue;
            }

            var subcommand = command.Commands.FirstOrDefault(c => c.Names.Contains(word, StringComparer.Ordinal));
            if (subcommand is not null && position == 0)
            {
                command = subcommand;
                continue;
            }

            if (command == root)
            {
                return []; // an unknown command: nothing sensible to offer
            }

            position++;
        }

        if (pendingOption is not null)
        {
            return await OptionValuesAsync(command, pendingOption, cancellationToken);
        }

        if (current.StartsWith('-'))
        {
            return command.GetOptions().Where(o => o.ShowInHelpText).SelectMany(OptionSpellings);
        }

        if (command == root)
        {
            return topLevel.Where(c => !c.Hidden).Select(c => c.Name);
        }

        var subcommands = position == 0 ? command.Commands.Where(c => c.ShowInHelpText).Select(c => c.Name!) : [];
        return subcommands.Concat(await ArgumentValuesAsync(command, position, cancellationToken));
    }

    /// <summary>The typed command with its class: its plugin is loaded for it (and only it); null if that fails.</summary>
    private CommandInfo? CommandWithClass(string name)
    {
        if (hostCommands.FirstOrDefault(c => c.Answers(name)) is { } hostCommand)
        {
            return hostCommand;
        }

        try
        {
            return inventory.FindCommand(name) is { } found ? inventory.Activate(found.Plugin, found.Command) : null;
        }
        catch (CliException)
        {
            return null; // completion never complains
        }
    }

    private static CommandOption? FindOption(CommandLineApplication command, string word)
    {
        var name = word.Split('=', 2)[0];
        return command.GetOptions().FirstOrDefault(o => OptionSpellings(o).Contains(name, StringComparer.Ordinal));
    }

    private static IEnumerable<string> OptionSpellings(CommandOption option)
    {
        if (!string.IsNullOrEmpty(option.LongName)) yield return "--" + option.LongName;
        if (!string.IsNullOrEmpty(option.ShortName)) yield return "-" + option.ShortName;
        if (!string.IsNullOrEmpty(option.SymbolName)) yield return "-" + option.SymbolName;
    }

    private async Task<IEnumerable<string>> OptionValuesAsync(CommandLineApplication command, CommandOption option, CancellationToken cancellationToken)
    {
        switch (option.LongName)
        {
            case "output" when option.ShortName == "o":
                return OutputFormats;
            case "profile" when option.ShortName == "p":
                return await ProfileNamesAsync(cancellationToken);
        }

        var property = ModelProperties(command).FirstOrDefault(p =>
            p.GetCustomAttribute<OptionAttribute>() is { } attribute && OptionNames(attribute, p).Contains(option.LongName ?? option.ShortName ?? ""));
        return property is null ? [] : await ValuesOfAsync(property, cancellationToken);
    }

    private async Task<IEnumerable<string>> ArgumentValuesAsync(CommandLineApplication command, int position, CancellationToken cancellationToken)
    {
        var property = ModelProperties(command).FirstOrDefault(p => p.GetCustomAttribute<ArgumentAttribute>()?.Order == position);
        return property is null ? [] : await ValuesOfAsync(property, cancellationToken);
    }

    /// <summary>
    /// The values a property's declarations name. SDK-free, so any plugin can take part: an attribute of the
    /// plugin's own with a public <c>IEnumerable&lt;string&gt; CompletionValues</c> (a fixed list) or a string
    /// <c>CompletionSource</c> of <c>"profiles"</c> (the saved profile names); an enum's names; the
    /// <c>AllowedValues</c> of System.ComponentModel.DataAnnotations.
    /// </summary>
    private async Task<IEnumerable<string>> ValuesOfAsync(PropertyInfo property, CancellationToken cancellationToken)
    {
        foreach (var attribute in property.GetCustomAttributes())
        {
            var type = attribute.GetType();
            if (type.GetProperty("CompletionValues")?.GetValue(attribute) is IEnumerable<string> values)
            {
                return values.ToArray();
            }

            if (type.GetProperty("CompletionSource")?.GetValue(attribute) is "profiles")
            {
                return await ProfileNamesAsync(cancellationToken);
            }

            if (attribute is System.ComponentModel.DataAnnotations.AllowedValuesAttribute allowed)
            {
                return allowed.Values.Select(v => v?.ToString()).OfType<string>().ToArray();
            }
        }

        var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return valueType.IsEnum ? Enum.GetNames(valueType).Select(n => n.ToLowerInvariant()) : [];
    }

    /// <summary>Profile names from the config file; none when it cannot be read (completion never complains).</summary>
    private async Task<IEnumerable<string>> ProfileNamesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var config = await new ProfileStore(settings).ReadAsync(cancellationToken);
            return config.Profiles.Keys.Order(StringComparer.Ordinal).ToArray();
        }
        catch (CliException)
        {
            return [];
        }
    }

    private static IEnumerable<PropertyInfo> ModelProperties(CommandLineApplication command) =>
        command is IModelAccessor accessor
            ? accessor.GetModelType().GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            : [];

    /// <summary>The long (else short) names an [Option] declares, as CommandLineUtils derives them.</summary>
    private static IEnumerable<string> OptionNames(OptionAttribute attribute, PropertyInfo property)
    {
        if (!string.IsNullOrEmpty(attribute.Template))
        {
            foreach (var part in attribute.Template.Split(' ')[0].Split('|'))
            {
                yield return part.TrimStart('-');
            }
        }

        if (!string.IsNullOrEmpty(attribute.LongName)) yield return attribute.LongName;
        if (!string.IsNullOrEmpty(attribute.ShortName)) yield return attribute.ShortName;
        yield return KebabCase(property.Name);
    }

    private static string KebabCase(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name, "([a-z0-9])([A-Z])", "$1-$2").ToLowerInvariant();
}
