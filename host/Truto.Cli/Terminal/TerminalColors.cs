using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Startup;

namespace Truto.Cli.Terminal;

/// <summary>
/// Whether colour may be written to stdout and to stderr: only to a terminal, never with <c>--no-color</c>, with
/// <c>NO_COLOR</c> set (to anything, as no-color.org asks) or with <c>TERM=dumb</c>. Colour is used modestly: the
/// error prefix, warnings, table headers and help headings.
/// </summary>
internal sealed record TerminalColors(Ansi Out, Ansi Error)
{
    public static readonly TerminalColors None = new(Ansi.Plain, Ansi.Plain);

    public static TerminalColors For(HostSettings settings, IStandardStreams streams, bool noColorOption)
    {
        var allowed = !noColorOption
            && !settings.Environment.ContainsKey("NO_COLOR")
            && !string.Equals(settings.Environment.GetValueOrDefault("TERM"), "dumb", StringComparison.Ordinal);
        return new TerminalColors(
            allowed && streams.IsOutputTerminal ? Ansi.Colored : Ansi.Plain,
            allowed && streams.IsErrorTerminal ? Ansi.Colored : Ansi.Plain);
    }
}

/// <summary>ANSI styles for one stream, or none when that stream gets no colour.</summary>
internal sealed class Ansi
{
    public static readonly Ansi Plain = new(false);
    public static readonly Ansi Colored = new(true);

    private Ansi(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    public string Bold(string text) => Style("1", text);

    public string Red(string text) => Style("31", text);

    public string Yellow(string text) => Style("33", text);

    private string Style(string code, string text) => Enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
