namespace Truto.Cli.Sdk.Errors;

/// <summary>The exit codes every truto command uses.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A runtime or API failure.</summary>
    public const int Failure = 1;

    /// <summary>A usage or input error: unknown command or option, bad value, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>The user cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
