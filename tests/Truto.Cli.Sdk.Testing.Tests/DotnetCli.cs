using System.Diagnostics;
using System.Text;

namespace Truto.Cli.Sdk.Testing.Tests;

/// <summary>Runs the dotnet CLI as a user would, without the MSBuild settings of the test run leaking into it.</summary>
internal static class DotnetCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal) || k.StartsWith("TRUTO_", StringComparison.Ordinal) || k == "VSTEST_HOST_DEBUG").ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} took longer than {timeout}");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    /// <summary>The repository root: the folder above this test assembly that holds truto-host.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "truto-host.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no truto-host.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>Copies the sources (no build output, no git data) so a nested build cannot disturb the running one.</summary>
    public static void CopySources(string from, string to)
    {
        string[] skipped = ["bin", "obj", ".git", "artifacts", "TestResults", ".vs"];
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            if (!skipped.Contains(Path.GetFileName(directory)))
            {
                CopySources(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
