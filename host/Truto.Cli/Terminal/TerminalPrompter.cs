using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Terminal;

/// <summary>A terminal that can read a line without echoing it (the real console does; test terminals read plainly).</summary>
internal interface ISecretInput
{
    string? ReadSecretLine();
}

/// <summary>Prompts on stderr, answers from stdin. Refuses, with a usage error, when nobody can answer.</summary>
internal sealed class TerminalPrompter(IStandardStreams streams) : IPrompter
{
    public async Task<string> AskAsync(string question, string? defaultValue, CancellationToken cancellationToken)
    {
        EnsureCanPrompt(question);
        streams.Error.Write(defaultValue is null ? $"{question}: " : $"{question} [{defaultValue}]: ");
        var answer = (await ReadLineAsync(cancellationToken, secret: false)).Trim();
        return string.IsNullOrEmpty(answer) ? defaultValue ?? "" : answer;
    }

    public async Task<bool> ConfirmAsync(string question, bool defaultValue, CancellationToken cancellationToken)
    {
        EnsureCanPrompt(question);
        while (true)
        {
            streams.Error.Write($"{question} {(defaultValue ? "[Y/n]" : "[y/N]")}: ");
            var answer = (await ReadLineAsync(cancellationToken, secret: false)).Trim().ToLowerInvariant();
            switch (answer)
            {
                case "":
                    return defaultValue;
                case "y" or "yes":
                    return true;
                case "n" or "no":
                    return false;
                default:
                    streams.Error.WriteLine("Please answer y or n.");
                    break;
            }
        }
    }

    public async Task<string> AskSecretAsync(string question, CancellationToken cancellationToken)
    {
        EnsureCanPrompt(question);
        streams.Error.Write($"{question}: ");
        return (await ReadLineAsync(cancellationToken, secret: true)).Trim();
    }

    /// <summary>
    /// Reads one answer. Console reads cannot be cancelled, so the read runs aside and Ctrl+C (the token) stops the
    /// waiting: the prompt ends at once with OperationCanceledException, which the error reporter maps to exit 130.
    /// </summary>
    private async Task<string> ReadLineAsync(CancellationToken cancellationToken, bool secret)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var read = Task.Run(() => secret && streams is ISecretInput masked ? masked.ReadSecretLine() : streams.In.ReadLine(), CancellationToken.None);
        string? line;
        try
        {
            line = await read.WaitAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException)
        {
            streams.Error.WriteLine(); // end the prompt's line, so the error starts on its own
            throw;
        }

        if (line is null)
        {
            throw new CliException("no answer: standard input was closed", "Pass the value as an option instead.", ExitCodes.Usage);
        }

        return line;
    }

    private void EnsureCanPrompt(string question)
    {
        if (!streams.CanPrompt)
        {
            throw new UsageException($"cannot ask \"{question}\": no terminal to prompt on", "Pass the value as an option instead.");
        }
    }
}
