using Truto.Cli.Plugins;

namespace Truto.Cli.Startup;

/// <summary>
/// Everything the host takes from its environment, read once at start-up. Tests build their own instead of
/// touching process environment variables.
/// </summary>
internal sealed record HostSettings
{
    public const string DefaultApiUrl = "https://api.truto.one";

    /// <summary>The folder of config.json, the user's plugins and caches: TRUTO_CONFIG_DIR, else ~/.truto.</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>Plugins shipped beside the executable.</summary>
    public required string BundledPluginDirectory { get; init; }

    /// <summary>Folders named by TRUTO_PLUGIN_PATH, in order.</summary>
    public IReadOnlyList<string> EnvironmentPluginDirectories { get; init; } = [];

    /// <summary>Refuse plugins others could have written (TRUTO_PLUGINS_STRICT_MODES=no turns it off).</summary>
    public bool PluginStrictModes { get; init; } = true;

    /// <summary>Environment variables commands may consult through host services (BYOK keys, NO_COLOR, COLUMNS ...).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one HTTP attempt may take: TRUTO_HTTP_TIMEOUT (seconds), else 30 s.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry's backoff, doubled (with jitter) for each further retry: TRUTO_HTTP_RETRY_DELAY_MS, else 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Test hook (TRUTO_TEST_PAUSE_CONFIG_WRITE): a file the profile store creates when a config write is flushed
    /// but not yet renamed into place, after which it pauses, so a test can kill the process at that moment.
    /// </summary>
    public string? ConfigWritePauseMarker { get; init; }

    public string UserPluginDirectory => Path.Combine(ConfigDirectory, "plugins");

    public string ConfigFilePath => Path.Combine(ConfigDirectory, "config.json");

    /// <summary>What each plugin folder held when this installation last loaded it (see PluginManifest); safe to delete.</summary>
    public string PluginManifestPath => Path.Combine(ConfigDirectory, "cache", PluginManifest.FileNameFor(AppContext.BaseDirectory));

    public string? GetEnvironment(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static HostSettings FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string ?? "";
        }

        return FromEnvironment(environment, AppContext.BaseDirectory);
    }

    public static HostSettings FromEnvironment(IReadOnlyDictionary<string, string> environment, string baseDirectory)
    {
        string? Get(string name) => environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

        var home = Get("HOME") ?? Get("USERPROFILE") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var configDirectory = Get("TRUTO_CONFIG_DIR") ?? Path.Combine(home, ".truto");
        var pluginPath = Get("TRUTO_PLUGIN_PATH");

        return new HostSettings
        {
            ConfigDirectory = Path.GetFullPath(configDirectory),
            BundledPluginDirectory = Path.Combine(baseDirectory, "plugins"),
            EnvironmentPluginDirectories = pluginPath is null
                ? []
                : pluginPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(Path.GetFullPath).ToArray(),
            Environment = environment,
            ConfigWritePauseMarker = Get("TRUTO_TEST_PAUSE_CONFIG_WRITE"),
            PluginStrictModes = !string.Equals(Get("TRUTO_PLUGINS_STRICT_MODES"), "no", StringComparison.OrdinalIgnoreCase),
            HttpTimeout = TimeSpan.FromSeconds(PositiveNumber(Get("TRUTO_HTTP_TIMEOUT")) ?? 30),
            RetryBaseDelay = TimeSpan.FromMilliseconds(PositiveNumber(Get("TRUTO_HTTP_RETRY_DELAY_MS"), allowZero: true) ?? 500),
        };
    }

    private static double? PositiveNumber(string? value, bool allowZero = false) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && (number > 0 || (allowZero && number == 0))
            ? number
            : null;
}
