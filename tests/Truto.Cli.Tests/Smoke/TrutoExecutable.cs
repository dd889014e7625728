using System.Diagnostics;
using System.Reflection;
using System.Text;
using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Smoke;

/// <summary>
/// The built truto executable, run as a real process (<c>dotnet truto.dll ...</c>) with a temporary config folder and
/// home of its own. The test process's environment is never changed: the child gets a copy.
/// </summary>
internal sealed class TrutoExecutable : IDisposable
{
    /// <summary>
    /// Longer than any healthy run on a busy machine (20 Debug-built processes starting at once on 2 shared cores
    /// took 27 s); a run still going then is killed and fails the test.
    /// </summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly Lazy<string> AssemblyPath = new(FindAssembly);

    public TrutoExecutable()
    {
        HomeDirectory = Path.Combine(Path.GetTempPath(), "truto-smoke-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(HomeDirectory);
    }

    /// <summary>The child's HOME and TRUTO_CONFIG_DIR (deleted on dispose).</summary>
    public string HomeDirectory { get; }

    /// <summary>The child's TRUTO_CONFIG_DIR (what ~/.truto is for a user), inside <see cref="HomeDirectory"/>.</summary>
    public string ConfigDirectory => Path.Combine(HomeDirectory, ".truto");

    /// <summary>Variables to set in the child's environment, on top of a copy of this process's.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Runs truto to completion and returns what it printed.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitForExitAsync(process, args);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs truto, waits for <paramref name="interruptWhen"/>, then sends it SIGINT, as Ctrl+C in a terminal does.
    /// </summary>
    public async Task<CliResult> RunAndInterruptAsync(Func<Task> interruptWhen, params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await interruptWhen();
        if (Interrupt(process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException($"could not send SIGINT to truto (pid {process.Id})");
        }

        await WaitForExitAsync(process, args);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private const int SigInt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Interrupt(int pid, int signal);

    /// <summary>truto.dll and the dotnet host that runs it, for tests that start truto from elsewhere (a shell).</summary>
    public static (string Dotnet, string Assembly) Command => (DotnetHost(), AssemblyPath.Value);

    /// <summary>
    /// Runs truto as <c>truto ... | head -1</c> does: reads the first line of stdout, then closes the pipe while truto
    /// may still be writing.
    /// </summary>
    public async Task<(string? FirstLine, CliResult Result)> RunAndCloseStdoutAfterFirstLineAsync(params string[] args)
    {
        using var process = Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        var firstLine = await process.StandardOutput.ReadLineAsync();
        process.StandardOutput.Close();
        await WaitForExitAsync(process, args);
        return (firstLine, new CliResult(process.ExitCode, "", await stderr));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(HomeDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private Process Start(string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = HomeDirectory,
        };
        start.ArgumentList.Add(AssemblyPath.Value);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing of the developer's own truto set-up may leak in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TRUTO_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = HomeDirectory;
        start.Environment["TRUTO_CONFIG_DIR"] = ConfigDirectory;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.StandardInput.Close();
        return process;
    }

    private static async Task WaitForExitAsync(Process process, string[] args)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"truto {string.Join(' ', args)} was still running after {Timeout.TotalSeconds} s and was killed");
        }
    }

    /// <summary>The dotnet host running these tests, so the child uses the same runtime.</summary>
    private static string DotnetHost()
    {
        var current = System.Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    /// <summary>
    /// truto.dll beside the test assembly, where the host's project reference and the bundled-plugins import put it
    /// with plugins/; failing that, the host project's own build output for the same configuration.
    /// </summary>
    private static string FindAssembly()
    {
        var beside = AppContext.BaseDirectory;
        if (IsHostWithBundledPlugins(beside))
        {
            return Path.Combine(beside, "truto.dll");
        }

        var configuration = typeof(TrutoExecutable).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var targetFramework = new DirectoryInfo(beside).Name;
        for (var directory = new DirectoryInfo(beside); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "truto-host.sln")))
            {
                var hostOutput = Path.Combine(directory.FullName, "host", "Truto.Cli", "bin", configuration, targetFramework);
                if (IsHostWithBundledPlugins(hostOutput))
                {
                    return Path.Combine(hostOutput, "truto.dll");
                }

                break;
            }
        }

        throw new InvalidOperationException(
            $"no truto.dll with a plugins/ folder beside it in {beside}, nor in the host project's build output: build the solution first");
    }

    private static bool IsHostWithBundledPlugins(string directory) =>
        File.Exists(Path.Combine(directory, "truto.dll")) &&
        File.Exists(Path.Combine(directory, "truto.runtimeconfig.json")) &&
        Directory.Exists(Path.Combine(directory, "plugins"));
}
