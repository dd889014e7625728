using System.Diagnostics;
using System.Net.Http.Headers;

namespace Truto.Emulator.Tests;

/// <summary>The emulator as a program: the built Truto.Emulator.dll (copied beside these tests) run with dotnet.</summary>
public sealed class ProgramTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Prints_where_it_listens_then_serves_the_given_token_with_the_seeded_rows()
    {
        using var emulator = Start("--port", "0", "--token", "truto_tok_PROCESS_0123", "--seed-api-tokens", "5");
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            var line = await emulator.StandardOutput.ReadLineAsync(timeout.Token);

            line.ShouldNotBeNull().ShouldMatch(@"^listening on http://127\.0\.0\.1:\d+$");
            using var client = new HttpClient { BaseAddress = new Uri(line["listening on ".Length..]), Timeout = Patience };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "truto_tok_PROCESS_0123");
            using var response = await client.GetAsync("/api-token");
            ((int)response.StatusCode).ShouldBe(200);
            ((JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["result"]!).Count.ShouldBe(8);
        }
        finally
        {
            emulator.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(Patience);
            await emulator.WaitForExitAsync(timeout.Token);
        }
    }

    [Fact]
    public async Task Without_a_token_it_exits_2_with_the_usage_on_stderr()
    {
        using var emulator = Start("--port", "0");
        using var timeout = new CancellationTokenSource(Patience);

        var stderr = emulator.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = await emulator.StandardOutput.ReadToEndAsync(timeout.Token);
        await emulator.WaitForExitAsync(timeout.Token);

        emulator.ExitCode.ShouldBe(2);
        stdout.ShouldBeEmpty();
        (await stderr).ShouldStartWith("error: give at least one --token");
        (await stderr).ShouldContain("usage: Truto.Emulator");
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Truto.Emulator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    // The dotnet that runs these tests: `dotnet test` names it in DOTNET_HOST_PATH; else the test host itself.
    private static string DotnetHost()
    {
        var named = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(named) && File.Exists(named))
        {
            return named;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
