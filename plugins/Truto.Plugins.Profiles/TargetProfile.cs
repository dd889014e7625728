using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Plugins.Profiles;

/// <summary>The profile a command changes or reads: the one <c>-p</c> names, else the active one.</summary>
internal static class TargetProfile
{
    public static string NameIn(ProfileConfig config, IInvocationContext context)
    {
        if (context.ProfileName is { } named)
        {
            return config.Profiles.ContainsKey(named)
                ? named
                : throw new UsageException(
                    $"profile '{named}' does not exist",
                    config.Profiles.Count == 0
                        ? "There are no profiles yet: run 'truto login' first."
                        : $"Existing profiles: {Existing(config)}.");
        }

        if (config.ActiveProfile is { } active && config.Profiles.ContainsKey(active))
        {
            return active;
        }

        throw config.Profiles.Count == 0
            ? new CliException("there is no profile yet", "Run 'truto login' first.")
            : new CliException("no profile is active", $"Choose one with 'truto use <name>' (existing: {Existing(config)}), or pass -p <name>.");
    }

    public static string Existing(ProfileConfig config) => string.Join(", ", config.Profiles.Keys.Order(StringComparer.Ordinal));
}
