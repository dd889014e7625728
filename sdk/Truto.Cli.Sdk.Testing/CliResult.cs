namespace Truto.Cli.Sdk.Testing;

/// <summary>What one truto run produced.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Everything written to stdout.</param>
/// <param name="Stderr">Everything written to stderr.</param>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Shows all three, for assertion messages.</summary>
    /// <returns>The exit code and both streams.</returns>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
