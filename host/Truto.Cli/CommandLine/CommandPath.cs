using McMaster.Extensions.CommandLineUtils;

namespace Truto.Cli.CommandLine;

internal static class CommandPath
{
    /// <summary>The words that run a command, from the root: <c>truto profiles set</c>.</summary>
    public static string Of(CommandLineApplication command)
    {
        var names = new List<string>();
        for (var current = command; current is not null; current = current.Parent)
        {
            names.Add(current.Name ?? "truto");
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
