namespace Truto.Cli.Sdk.Terminal;

/// <summary>
/// Questions to the user on the terminal. Each method throws <see cref="Errors.UsageException"/> when
/// <see cref="IStandardStreams.CanPrompt"/> is false, so check it first and offer a flag instead.
/// </summary>
public interface IPrompter
{
    /// <summary>Asks for a line of text.</summary>
    /// <param name="question">The question.</param>
    /// <param name="defaultValue">Returned when the user just presses Enter.</param>
    /// <param name="cancellationToken">Cancels the prompt.</param>
    /// <returns>The answer, trimmed.</returns>
    Task<string> AskAsync(string question, string? defaultValue, CancellationToken cancellationToken);

    /// <summary>Asks a yes/no question.</summary>
    /// <param name="question">The question.</param>
    /// <param name="defaultValue">Returned when the user just presses Enter.</param>
    /// <param name="cancellationToken">Cancels the prompt.</param>
    /// <returns>The answer.</returns>
    Task<bool> ConfirmAsync(string question, bool defaultValue, CancellationToken cancellationToken);

    /// <summary>Asks for a secret without echoing it.</summary>
    /// <param name="question">The question.</param>
    /// <param name="cancellationToken">Cancels the prompt.</param>
    /// <returns>The secret.</returns>
    Task<string> AskSecretAsync(string question, CancellationToken cancellationToken);
}
