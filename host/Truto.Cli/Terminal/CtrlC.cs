using System.Runtime.InteropServices;

namespace Truto.Cli.Terminal;

/// <summary>
/// Ctrl+C for a run: the first one cancels the run's token (the run ends cleanly, exit 130); a second one ends the
/// process at once. A POSIX signal registration rather than Console.CancelKeyPress, which first sets up the terminal
/// for reading. Until <see cref="Register"/> has run, a Ctrl+C ends the process as it would any program.
/// </summary>
internal sealed class CtrlC(CancellationTokenSource cancellation) : IDisposable
{
    private PosixSignalRegistration? _registration;

    /// <summary>Installs the handler: ~1.5 ms, which is why a plugin command's start-up thread does it (StartupWarmUp).</summary>
    public void Register() => Volatile.Write(ref _registration, PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
    {
        if (!cancellation.IsCancellationRequested)
        {
            signal.Cancel = true;
            cancellation.Cancel();
        }
    }));

    public void Dispose() => Volatile.Read(ref _registration)?.Dispose();
}
