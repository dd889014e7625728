namespace Truto.Cli.Plugins;

/// <summary>
/// The compatibility policy: a plugin must be built for the host's SDK major, at a minor no newer than the host's.
/// </summary>
internal static class SdkCompatibility
{
    /// <summary>Null when compatible, else the reason, naming both versions and what to do.</summary>
    public static string? Check(Version hostSdk, Version pluginSdk)
    {
        var host = $"{hostSdk.Major}.{hostSdk.Minor}";
        var plugin = $"{pluginSdk.Major}.{pluginSdk.Minor}";
        if (pluginSdk.Major != hostSdk.Major)
        {
            return pluginSdk.Major > hostSdk.Major
                ? $"built for Truto.Cli.Sdk {plugin}, but this truto has SDK {host} (another major version): upgrade truto, or use a plugin built for SDK {hostSdk.Major}.x"
                : $"built for Truto.Cli.Sdk {plugin}, but this truto has SDK {host} (another major version): rebuild the plugin against Truto.Cli.Sdk {hostSdk.Major}.x";
        }

        if (pluginSdk.Minor > hostSdk.Minor)
        {
            return $"built for Truto.Cli.Sdk {plugin}, newer than this truto's SDK {host}: upgrade truto, or rebuild the plugin against Truto.Cli.Sdk {host}";
        }

        return null;
    }
}
