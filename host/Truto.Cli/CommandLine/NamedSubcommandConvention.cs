using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Conventions;

namespace Truto.Cli.CommandLine;

/// <summary>
/// CommandLineUtils' <c>[Subcommand]</c> convention, except that a group whose subcommand is named right after it on
/// the command line gets only that subcommand: building one reflects over its options, arguments and attributes, and
/// the siblings a run never uses cost <c>truto plugins list</c> a tenth of its time. A group whose subcommand is not
/// named that way (its own help, a typo, an option in between) gets all of them, so help listings and "did you mean"
/// suggestions are unchanged.
/// </summary>
internal sealed class NamedSubcommandConvention(IReadOnlyList<string> commandPath) : IConvention
{
    public void Apply(ConventionContext context)
    {
        if (context.ModelType is not { } modelType)
        {
            return;
        }

        var subcommands = modelType.GetCustomAttributes<SubcommandAttribute>().SelectMany(a => a.Types).ToArray();
        var named = NamedWord(context.Application) is { } word ? subcommands.Where(t => Answers(t, word)).ToArray() : [];
        foreach (var type in named.Length == 1 ? named : subcommands)
        {
            CommandTree.AddModel(context.Application, type);
        }
    }

    /// <summary>The word after this command's own in the command path: the root is depth 0, its command depth 1.</summary>
    private string? NamedWord(CommandLineApplication application)
    {
        var depth = 0;
        for (var parent = application.Parent; parent is not null; parent = parent.Parent)
        {
            depth++;
        }

        return depth >= 1 && depth < commandPath.Count ? commandPath[depth] : null;
    }

    private static bool Answers(Type subcommand, string word) =>
        subcommand.GetCustomAttribute<CommandAttribute>()?.Names.Contains(word, StringComparer.OrdinalIgnoreCase) == true;
}
