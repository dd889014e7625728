using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Terminal;

/// <summary>Streams that read nothing and write nowhere, as a run redirected to /dev/null sees them.</summary>
internal sealed class DiscardedStreams : IStandardStreams
{
    public static DiscardedStreams Instance { get; } = new();

    public TextReader In => TextReader.Null;
    public TextWriter Out => TextWriter.Null;
    public TextWriter Error => TextWriter.Null;
    public bool IsInputTerminal => false;
    public bool IsOutputTerminal => false;
    public bool IsErrorTerminal => false;
    public int Width => 80;
    public bool CanPrompt => false;
}
