using System.Text;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Terminal;

/// <summary>The real process streams. stdout is buffered; the host flushes it per page and at the end.</summary>
internal sealed class ConsoleStreams : IStandardStreams, ISecretInput
{
    private readonly int? _columnsVariable;

    public ConsoleStreams(int? columnsVariable)
    {
        _columnsVariable = columnsVariable;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Out = new StreamWriter(new BlockingStream(DescriptorStream.Open(1)), utf8, bufferSize: 64 * 1024) { AutoFlush = false };
        Error = new StreamWriter(new BlockingStream(DescriptorStream.Open(2)), utf8) { AutoFlush = true };
    }

    // Console.In sets up the terminal (terminfo, signal handlers): only a command that reads stdin pays for it.
    public TextReader In => Console.In;
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public bool IsInputTerminal => !Console.IsInputRedirected;
    public bool IsOutputTerminal => !Console.IsOutputRedirected;
    public bool IsErrorTerminal => !Console.IsErrorRedirected;
    public bool CanPrompt => IsInputTerminal && IsErrorTerminal;

    public int Width
    {
        get
        {
            if (IsOutputTerminal)
            {
                try
                {
                    if (Console.WindowWidth > 0) return Console.WindowWidth;
                }
                catch (IOException)
                {
                }
            }

            return _columnsVariable is > 0 ? _columnsVariable.Value : 80;
        }
    }

    public string? ReadSecretLine()
    {
        if (!IsInputTerminal)
        {
            return In.ReadLine();
        }

        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Error.WriteLine();
                    return secret.ToString();
                case ConsoleKey.Backspace when secret.Length > 0:
                    secret.Length--;
                    Error.Write("\b \b");
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        secret.Append(key.KeyChar);
                        Error.Write('*');
                    }

                    break;
            }
        }
    }
}
