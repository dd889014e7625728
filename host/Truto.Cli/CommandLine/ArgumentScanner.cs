namespace Truto.Cli.CommandLine;

/// <summary>
/// Finds the top-level command name in argv without building any command tree, so only the plugin that owns it
/// needs to be activated.
/// </summary>
internal static class ArgumentScanner
{
    public static string? FindCommandName(IReadOnlyList<string> args) => FindCommandStart(args) is { } start ? args[start] : null;

    /// <summary>
    /// The command name and the words right after it, up to the first option: <c>-o json profiles list</c> gives
    /// <c>[profiles, list]</c>. The path through nested commands is a prefix of it (the rest are arguments).
    /// </summary>
    public static IReadOnlyList<string> FindCommandPath(IReadOnlyList<string> args)
    {
        var path = new List<string>();
        for (var i = FindCommandStart(args) ?? args.Count; i < args.Count && !IsOption(args[i]) && args[i] != "--"; i++)
        {
            path.Add(args[i]);
        }

        return path;
    }

    private static int? FindCommandStart(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return null;
            }

            if (IsOption(arg))
            {
                if (GlobalOptions.WithValue.Contains(arg))
                {
                    i++; // its value follows
                }

                continue;
            }

            return i;
        }

        return null;
    }

    private static bool IsOption(string arg) => arg.StartsWith('-') && arg.Length > 1;

    public static bool WantsVersion(IReadOnlyList<string> args) => args.Count == 1 && args[0] == "--version";

    public static bool WantsVerbose(IReadOnlyList<string> args) => args.Contains("-v") || args.Contains("--verbose");

    public static bool WantsNoColor(IReadOnlyList<string> args) => args.Contains("--no-color");
}
