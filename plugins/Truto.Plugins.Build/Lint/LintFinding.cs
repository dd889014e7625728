namespace Truto.Plugins.Build.Lint;

/// <summary>Severities, most serious first: an error always blocks, a warning blocks unless ignored, info never.</summary>
internal static class Severity
{
    public const string Error = "error";
    public const string Warn = "warn";
    public const string Info = "info";

    public static int Rank(string severity) => severity switch { Error => 0, Warn => 1, _ => 2 };
}

/// <summary>
/// One lint finding, in the shape of the machine output: <c>severity, section, source, resource, method, message</c>.
/// <paramref name="Section"/> is the part of the file (<c>credentials</c>, <c>resources</c>, ...);
/// <paramref name="Source"/> the audit that found it (<c>presence_check</c>, <c>method_naming</c>, ...).
/// </summary>
internal sealed record LintFinding(string Severity, string Section, string Source, string? Resource, string? Method, string Message);
