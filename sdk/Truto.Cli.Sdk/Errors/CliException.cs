namespace Truto.Cli.Sdk.Errors;

/// <summary>
/// A failure the user can act on. The host prints <see cref="Exception.Message"/> (what went wrong) and
/// <see cref="Hint"/> (what to do next) to stderr and exits with <see cref="ExitCode"/>.
/// </summary>
public class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="hint">What to do next, or null.</param>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="innerException">The cause, shown with <c>-v</c>.</param>
    public CliException(string message, string? hint = null, int exitCode = ExitCodes.Failure, Exception? innerException = null)
        : base(message, innerException)
    {
        Hint = hint;
        ExitCode = exitCode;
    }

    /// <summary>What to do next, shown on its own line.</summary>
    public string? Hint { get; }

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; }
}

/// <summary>Bad input from the user: exit 2.</summary>
public sealed class UsageException : CliException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the input.</param>
    /// <param name="hint">How to call the command correctly.</param>
    public UsageException(string message, string? hint = null) : base(message, hint, ExitCodes.Usage)
    {
    }
}

/// <summary>No credentials were available for a command that needs them: exit 1.</summary>
public sealed class AuthRequiredException : CliException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="hint">How to provide it.</param>
    public AuthRequiredException(string message, string? hint = null) : base(message, hint, ExitCodes.Failure)
    {
    }
}

/// <summary>The Truto API answered with an error status: exit 1.</summary>
public class ApiException : CliException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">What went wrong, including the server's message where it gave one.</param>
    /// <param name="hint">What to do next.</param>
    /// <param name="innerException">The cause.</param>
    public ApiException(int statusCode, string message, string? hint = null, Exception? innerException = null)
        : base(message, hint, ExitCodes.Failure, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the API answered with.</summary>
    public int StatusCode { get; }
}

/// <summary>The thing asked for does not exist (HTTP 404, or a local name that is unknown): exit 1.</summary>
public sealed class NotFoundException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not found.</param>
    /// <param name="hint">What to do next.</param>
    public NotFoundException(string message, string? hint = null) : base(404, message, hint)
    {
    }
}

/// <summary>The API refused a change because it conflicts with the current state (HTTP 409, stale version): exit 1.</summary>
public sealed class ConflictException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status (409, or 400 for a stale version).</param>
    /// <param name="message">What conflicted.</param>
    /// <param name="hint">What to do next.</param>
    public ConflictException(int statusCode, string message, string? hint = null) : base(statusCode, message, hint)
    {
    }
}
