using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Sdk.Commands;

/// <summary>The global options of this invocation, as the user gave them. Secrets are not exposed here.</summary>
public interface IInvocationContext
{
    /// <summary>The profile named with <c>-p/--profile</c>, or null for the active one.</summary>
    string? ProfileName { get; }

    /// <summary>The URL given with <c>--api-url</c>, or null.</summary>
    string? ApiUrlOverride { get; }

    /// <summary>True when <c>--token</c> was given (the value is available only through <see cref="Profiles.ICredentials"/>).</summary>
    bool TokenGiven { get; }

    /// <summary>The output format in force: <c>-o</c>, else the command's default.</summary>
    OutputFormat OutputFormat { get; }

    /// <summary>True with <c>-v/--verbose</c>.</summary>
    bool Verbose { get; }
}
