using System.Diagnostics;
using Newtonsoft.Json.Linq;
using Truto.Cli.Tests.Smoke;
using Truto.Emulator;

namespace Truto.Cli.Tests.Comfort;

/// <summary>Ctrl+C for real: SIGINT sent to the built executable while it waits for a slow API.</summary>
public sealed class InterruptTests : IAsyncLifetime, IDisposable
{
    private const string Token = "truto_tok_SIGINT_0123456789abcdef";
    private readonly TrutoExecutable _truto = new();
    private TrutoEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TrutoEmulator.StartAsync();
        _emulator.AddToken(Token);
        Directory.CreateDirectory(_truto.ConfigDirectory);
        var config = new JObject
        {
            ["activeProfile"] = "default",
            ["profiles"] = new JObject { ["default"] = new JObject { ["apiUrl"] = _emulator.BaseUrl.AbsoluteUri.TrimEnd('/'), ["token"] = Token } },
        };
        await File.WriteAllTextAsync(Path.Combine(_truto.ConfigDirectory, "config.json"), config.ToString());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _truto.Dispose();

    // A plugin command's start-up thread registers the handler; with TRUTO_NO_WARMUP=1 there is no such thread and
    // the main thread does, as it does for the host's own commands.
    [Theory]
    [InlineData("start-up thread")]
    [InlineData("main thread")]
    public async Task Sigint_during_a_slow_api_call_exits_130_with_one_line_and_no_stack_trace(string registeredOn)
    {
        // Given an API that takes half a minute to answer
        _emulator.Faults.Latency(TimeSpan.FromSeconds(30), times: 4);
        if (registeredOn == "main thread")
        {
            _truto.Environment["TRUTO_NO_WARMUP"] = "1";
        }

        // When Ctrl+C reaches truto while the request is on its way
        var clock = Stopwatch.StartNew();
        var result = await _truto.RunAndInterruptAsync(
            () => _emulator.WaitForRequestsAsync(requests => requests.Count > 0, TimeSpan.FromSeconds(25)),
            "api-tokens", "list");

        // Then
        result.ExitCode.ShouldBe(130, result.ToString());
        result.Stderr.ShouldBe("error: cancelled\n");
        result.Stdout.ShouldBeEmpty();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(25));
    }
}
