using Truto.Cli;
using Truto.Cli.CommandLine;
using Truto.Cli.Startup;
using Truto.Cli.Terminal;

// The process edge: real environment, real console, Ctrl+C. Everything else happens in TrutoHost.RunAsync.
if (ArgumentScanner.WantsVersion(args))
{
    // The commonest health check answers before anything else is set up (TrutoHost answers it the same way).
    Console.Out.WriteLine(TrutoHost.VersionLine);
    return 0;
}

var settings = HostSettings.FromProcess();
using var cancellation = new CancellationTokenSource();
using var ctrlC = new CtrlC(cancellation);
if (!(TrutoHost.RunsPluginCommand(args) && StartupWarmUp.Begin(settings, first: ctrlC.Register)))
{
    ctrlC.Register();
}

var streams = new ConsoleStreams(int.TryParse(settings.GetEnvironment("COLUMNS"), out var columns) ? columns : null);
var exitCode = await TrutoHost.RunAsync(args, settings, streams, cancellation.Token);
try
{
    streams.Out.Flush();
}
catch (IOException)
{
    // stdout was closed by the reader; nothing left to say.
}

return exitCode;
