namespace Truto.Cli.Sdk.Terminal;

/// <summary>
/// The environment variables of this run. Commands read them here instead of <c>System.Environment</c>, so tests
/// can run commands in-process with their own values (endpoints behind a gateway, feature switches).
/// </summary>
public interface IEnvironment
{
    /// <summary>The value of <paramref name="name"/>, or null when it is unset or empty.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>The value, or null.</returns>
    string? Get(string name);
}
