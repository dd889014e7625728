using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.CommandLine;

/// <summary>
/// Lets CommandLineUtils write to our streams instead of System.Console. What it writes to stdout (help) is held
/// back until parsing succeeds: on a parse error it also prints a generic hint there, which our error message
/// replaces on stderr.
/// </summary>
internal sealed class CommandLineConsole(IStandardStreams streams) : IConsole
{
    private readonly StringWriter _pending = new();

    public TextWriter Out => _pending;
    public TextWriter Error => streams.Error;
    public TextReader In => streams.In;
    public bool IsInputRedirected => !streams.IsInputTerminal;
    // Always "redirected": on a terminal CommandLineUtils would page help through `less` on the real console,
    // bypassing our streams (and stdout discipline); help is written to our stdout instead.
    public bool IsOutputRedirected => true;
    public bool IsErrorRedirected => !streams.IsErrorTerminal;
    public ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    // Ctrl+C is handled once, by the host's cancellation token.
    public event ConsoleCancelEventHandler? CancelKeyPress
    {
        add { }
        remove { }
    }

    public void ResetColor()
    {
    }

    /// <summary>Writes what CommandLineUtils printed for the user (help text) to stdout.</summary>
    public void Release()
    {
        streams.Out.Write(_pending.ToString());
        _pending.GetStringBuilder().Clear();
    }
}
