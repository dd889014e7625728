using System.Globalization;
using System.Runtime.InteropServices;

namespace Truto.Emulator;

/// <summary>
/// Runs the emulator as a program, for manual use and for out-of-process tests:
/// <c>dotnet run --project tests/Truto.Emulator -- --port 0 --token tk_dev [--token tk_other] [--seed-api-tokens 50]</c>.
/// Prints <c>listening on http://127.0.0.1:PORT</c> once it accepts connections and runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: Truto.Emulator [--port <n>] --token <value> [--token <value>...] [--seed-api-tokens <n>]";

    public static async Task<int> Main(string[] args)
    {
        if (!TryParse(args, out var port, out var tokens, out var seed, out var error))
        {
            await Console.Error.WriteLineAsync($"error: {error}{Environment.NewLine}{Usage}");
            return 2;
        }

        await using var emulator = await TrutoEmulator.StartAsync(port);
        foreach (var token in tokens)
        {
            emulator.AddToken(token);
            emulator.SeedApiTokensQuietly(token, seed);
        }

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true; // stop cleanly below rather than being torn down
            stopped.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await Console.Out.WriteLineAsync($"listening on {emulator.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        await Console.Out.FlushAsync();
        await stopped.Task;
        return 0;
    }

    private static bool TryParse(string[] args, out int port, out List<string> tokens, out int seed, out string error)
    {
        (port, tokens, seed, error) = (0, [], 0, "");
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is not ("--port" or "--token" or "--seed-api-tokens"))
            {
                error = $"unknown argument '{name}'";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--token":
                    tokens.Add(value);
                    break;
                case "--port" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535:
                    error = $"--port must be a port number from 0 to 65535, got '{value}'";
                    return false;
                case "--seed-api-tokens" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed):
                    error = $"--seed-api-tokens must be a whole number, got '{value}'";
                    return false;
            }
        }

        if (tokens.Count == 0)
        {
            error = "give at least one --token: the bearer token clients will send";
            return false;
        }

        return true;
    }
}
