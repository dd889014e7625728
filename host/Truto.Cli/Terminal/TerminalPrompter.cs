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
    public Task<string> AskAsync(string question, string? defaultValue, CancellationToken cancellationToken)
    {
        EnsureCanPrompt(question);
        streams.Error.Write(defaultValue is null ? $"{question}: " : $"{question} [{defaultValue}]: ");
        var answer = ReadLine(cancellationToken, secret: false)?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(answer) ? defaultValue ?? "" : answer);
    }

    public Task<bool> ConfirmAsync(string question, bool defaultValue, CancellationToken cancellationToken)
    {
        EnsureCanPrompt(question);
        while (true)
        {
            streams.Error.Write($"{question} {(defaultValue ? "[Y/n]" : "[y/N]")}: ");
            var answer = ReadLine(cancellationToken, secret: false)?.Trim().ToLowerInvariant();
            switch (answer)
            {
                case null or "":
                    return Task.FromResult(defaultValue);
                case "y" or "yes":
                    return Task.FromResult(true);
                case "n" or "no":
                    return Task.FromResult(false);
                default:
                    streams.Error.WriteLine("Please answer y or n.");
                    break;
            }
        }
    }

    public Task<string> AskSecretAsync(string question, CancellationToken cancellationToken)
    {
        EnsureCanPrompt(question);
        streams.Error.Write($"{question}: ");
        var answer = ReadLine(cancellationToken, secret: true)?.Trim() ?? "";
        return Task.FromResult(answer);
    }

    private string? ReadLine(CancellationToken cancellationToken, bool secret)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var line = secret && streams is ISecretInput masked ? masked.ReadSecretLine() : streams.In.ReadLine();
        cancellationToken.ThrowIfCancellationRequested();
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
