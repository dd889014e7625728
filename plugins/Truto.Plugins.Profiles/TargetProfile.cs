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
            return Existing(config, named);
        }

        if (config.ActiveProfile is { } active && config.Profiles.ContainsKey(active))
        {
            return active;
        }

        throw config.Profiles.Count == 0
            ? new CliException("there is no profile yet", "Run 'truto login' first.")
            : new CliException("no profile is active", $"Choose one with 'truto use <name>' (existing: {Existing(config)}), or pass -p <name>.");
    }

    /// <summary>The name, when such a profile exists; else a usage error listing those that do.</summary>
    public static string Existing(ProfileConfig config, string name) => config.Profiles.ContainsKey(name)
        ? name
        : throw new UsageException(
            $"profile '{name}' does not exist",
            config.Profiles.Count == 0
                ? "There are no profiles yet: run 'truto login' to create one."
                : $"Existing profiles: {Existing(config)}.");

    public static string Existing(ProfileConfig config) => string.Join(", ", config.Profiles.Keys.Order(StringComparer.Ordinal));
}
