using System.Diagnostics;

namespace Truto.Benchmarks.Setup;

/// <summary>Runs the dotnet CLI for the set-up steps (publishing, version), outside anything timed.</summary>
internal static class Dotnet
{
    /// <summary>Runs <c>dotnet</c> with the arguments and returns its stdout; throws with its output when it fails.</summary>
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the build servers from outliving the harness and competing with the measured runs for the 2 cores.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:{Environment.NewLine}{stdout}{stderr.Result}");
        }

        return stdout;
    }
}
