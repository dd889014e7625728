namespace Truto.Cli.CommandLine;

/// <summary>
/// Finds the top-level command name in argv without building any command tree, so only the plugin that owns it
/// needs to be activated.
/// </summary>
internal static class ArgumentScanner
{
    public static string? FindCommandName(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return null;
            }

            if (arg.StartsWith('-') && arg.Length > 1)
            {
                if (GlobalOptions.WithValue.Contains(arg))
                {
                    i++; // its value follows
                }

                continue;
            }

            return arg;
        }

        return null;
    }

    public static bool WantsVersion(IReadOnlyList<string> args) => args.Count == 1 && args[0] == "--version";

    public static bool WantsVerbose(IReadOnlyList<string> args) => args.Contains("-v") || args.Contains("--verbose");

    public static bool WantsNoColor(IReadOnlyList<string> args) => args.Contains("--no-color");
}
