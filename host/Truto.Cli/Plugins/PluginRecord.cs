namespace Truto.Cli.Plugins;

/// <summary>Where a plugin was found.</summary>
internal enum PluginSource
{
    Bundled,
    User,
    Environment,
}

/// <summary>A folder plugins are searched in, and what finding one there makes it.</summary>
internal sealed record PluginFolder(string Path, PluginSource Source);

internal enum PluginStatus
{
    Loaded,
    Failed,
    Incompatible,
    Conflict,
    Untrusted,
}

/// <summary>
/// A top-level command a plugin adds. <see cref="ModelType"/> is the class CommandLineUtils binds; it is null when the
/// command was described from the plugin manifest cache and its plugin has not been activated this run.
/// </summary>
internal sealed record CommandInfo(string Name, IReadOnlyList<string> Aliases, string? Description, bool Hidden, Type? ModelType)
{
    public bool Answers(string name) =>
        string.Equals(Name, name, StringComparison.Ordinal) || Aliases.Contains(name, StringComparer.Ordinal);
}

/// <summary>One discovered plugin, loaded or not, with the reason when not.</summary>
internal sealed record PluginRecord
{
    public required string Name { get; init; }
    public required PluginSource Source { get; init; }
    public required string Path { get; init; }
    public required PluginStatus Status { get; init; }
    public string? Version { get; init; }
    public Version? SdkVersion { get; init; }
    public string? Description { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<CommandInfo> Commands { get; init; } = [];

    /// <summary>What the plugin registered; null unless loaded into this process (see <see cref="PluginInventory.Activate"/>).</summary>
    public PluginRegistration? Registration { get; init; }

    public static PluginRecord Failed(string name, PluginSource source, string path, PluginStatus status, string reason, Version? sdkVersion = null) =>
        new() { Name = name, Source = source, Path = path, Status = status, Reason = reason, SdkVersion = sdkVersion };
}
