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
/// How sources and statuses are written (in output and in the plugin manifest), spelled out: a process's first
/// Enum.ToString or Enum.TryParse reads the enum's fields by reflection, ~1.5 ms of every plugin command's start.
/// A test holds these to the enums.
/// </summary>
internal static class PluginText
{
    public static string Of(PluginSource source) => source switch
    {
        PluginSource.Bundled => "bundled",
        PluginSource.User => "user",
        PluginSource.Environment => "environment",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static string Of(PluginStatus status) => status switch
    {
        PluginStatus.Loaded => "loaded",
        PluginStatus.Failed => "failed",
        PluginStatus.Incompatible => "incompatible",
        PluginStatus.Conflict => "conflict",
        PluginStatus.Untrusted => "untrusted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static PluginStatus? StatusOf(string text) => text switch
    {
        "loaded" => PluginStatus.Loaded,
        "failed" => PluginStatus.Failed,
        "incompatible" => PluginStatus.Incompatible,
        "conflict" => PluginStatus.Conflict,
        "untrusted" => PluginStatus.Untrusted,
        _ => null,
    };
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
