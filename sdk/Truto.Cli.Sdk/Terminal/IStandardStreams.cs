namespace Truto.Cli.Sdk.Terminal;

/// <summary>
/// The process's standard streams and what is known about the terminal. Commands use this instead of
/// <c>System.Console</c>, so tests can run them with captured streams.
/// </summary>
public interface IStandardStreams
{
    /// <summary>Standard input.</summary>
    TextReader In { get; }

    /// <summary>Standard output: data only.</summary>
    TextWriter Out { get; }

    /// <summary>Standard error: status, warnings, hints and errors.</summary>
    TextWriter Error { get; }

    /// <summary>True when standard input is a terminal.</summary>
    bool IsInputTerminal { get; }

    /// <summary>True when standard output is a terminal.</summary>
    bool IsOutputTerminal { get; }

    /// <summary>True when standard error is a terminal.</summary>
    bool IsErrorTerminal { get; }

    /// <summary>Columns available for output: the terminal's width, else <c>COLUMNS</c>, else 80.</summary>
    int Width { get; }

    /// <summary>True when the user can answer prompts (stdin and stderr are terminals).</summary>
    bool CanPrompt { get; }
}
