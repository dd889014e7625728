using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Sdk.Testing;

/// <summary>
/// A scripted terminal: standard input from a string, stdout and stderr captured, and the TTY flags and width you
/// choose. By default nothing is a terminal, as under CI.
/// </summary>
public sealed class TestTerminal : IStandardStreams
{
    private readonly StringWriter _out = new() { NewLine = "\n" };
    private readonly StringWriter _error = new() { NewLine = "\n" };

    /// <summary>Creates the terminal.</summary>
    /// <param name="input">What the user types (lines separated by <c>\n</c>).</param>
    /// <param name="interactive">True to behave as a terminal on every stream, so commands may prompt.</param>
    /// <param name="width">The terminal's width in columns.</param>
    public TestTerminal(string input = "", bool interactive = false, int width = 80)
        : this(new StringReader(input), interactive, width)
    {
    }

    /// <summary>Creates the terminal with standard input read from <paramref name="input"/>.</summary>
    /// <param name="input">What the user types; a reader that blocks stands for a user who has not answered yet.</param>
    /// <param name="interactive">True to behave as a terminal on every stream, so commands may prompt.</param>
    /// <param name="width">The terminal's width in columns.</param>
    public TestTerminal(TextReader input, bool interactive = false, int width = 80)
    {
        In = input;
        IsInputTerminal = IsOutputTerminal = IsErrorTerminal = interactive;
        Width = width;
    }

    /// <inheritdoc />
    public TextReader In { get; }

    /// <inheritdoc />
    public TextWriter Out => _out;

    /// <inheritdoc />
    public TextWriter Error => _error;

    /// <inheritdoc />
    public bool IsInputTerminal { get; init; }

    /// <inheritdoc />
    public bool IsOutputTerminal { get; init; }

    /// <inheritdoc />
    public bool IsErrorTerminal { get; init; }

    /// <inheritdoc />
    public int Width { get; init; }

    /// <inheritdoc />
    public bool CanPrompt => IsInputTerminal && IsErrorTerminal;

    /// <summary>Everything written to stdout so far.</summary>
    public string Stdout => _out.ToString();

    /// <summary>Everything written to stderr so far.</summary>
    public string Stderr => _error.ToString();
}
