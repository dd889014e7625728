using System.Text.RegularExpressions;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Plugins.Build.Interactive;

/// <summary>
/// Shows the refiner's steps: on a terminal one bar redrawn in place (<c>[#####-----] turn 5/10: read_source_method</c>),
/// elsewhere one status line per step, so logs stay readable. Nothing under machine formats, like every status line.
/// </summary>
internal sealed partial class TurnProgress(IStandardStreams streams, IOutput output, Func<bool> human)
{
    private const int BarWidth = 20;
    private bool _drawn;

    // Asked when drawing, not when constructed: the output format is known only once the command line is parsed.
    private bool Draws => streams.IsErrorTerminal && human();

    public void Report(string step)
    {
        if (!Draws)
        {
            output.Status("  " + step);
            return;
        }

        var match = TurnPattern().Match(step);
        var done = match.Success ? int.Parse(match.Groups[1].Value) : 0;
        var total = match.Success ? Math.Max(1, int.Parse(match.Groups[2].Value)) : 1;
        var filled = Math.Clamp(done * BarWidth / total, 0, BarWidth);
        var line = $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {step}";
        var width = Math.Max(20, streams.Width - 1);
        if (line.Length > width)
        {
            line = line[..(width - 1)] + "…";
        }

        // \r returns to the line's start; ESC[K clears what a longer previous step left behind.
        streams.Error.Write("\r" + line + "\u001b[K");
        streams.Error.Flush();
        _drawn = true;
    }

    /// <summary>Ends the bar's line so the next message starts on its own.</summary>
    public void Done()
    {
        if (_drawn)
        {
            streams.Error.WriteLine();
            _drawn = false;
        }
    }

    [GeneratedRegex(@"^turn (\d+)/(\d+)")]
    private static partial Regex TurnPattern();
}
