using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Truto.Benchmarks.Setup;

/// <summary>The Truto API emulator as its own process, seeded with API tokens, stopped with SIGTERM.</summary>
internal sealed partial class EmulatorProcess : IDisposable
{
    private const string ListeningPrefix = "listening on ";
    private readonly Process _process;

    private EmulatorProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static EmulatorProcess Start(string emulatorDll, string token, int apiTokens)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { emulatorDll, "--port", "0", "--token", token, "--seed-api-tokens", apiTokens.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var readLine = process.StandardOutput.ReadLineAsync();
        if (!readLine.Wait(TimeSpan.FromSeconds(60)) || readLine.Result is not { } line || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"the emulator did not say where it listens (got '{(readLine.IsCompleted ? readLine.Result : "nothing within 60 s")}')");
        }

        _ = process.StandardOutput.ReadToEndAsync(); // keep draining, so a chatty emulator never blocks on a full pipe
        return new EmulatorProcess(process, line[ListeningPrefix.Length..].Trim());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15); // SIGTERM: the emulator shuts down cleanly
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
