using System.Diagnostics;
using Truto.Cli.Sdk.Testing;
using Truto.Emulator;

namespace Truto.Cli.Tests.Comfort;

/// <summary>Ctrl+C (the host's cancellation token) ends a command at once: exit 130, one line, no stack trace.</summary>
public sealed class CancellationTests : IAsyncLifetime, IDisposable
{
    private const string Token = "truto_tok_CANCEL_0123456789abcdef";
    private readonly TrutoTestHost _host = new();
    private TrutoEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await _host.StartEmulatorAsync(Token);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Cancelling_while_waiting_for_a_slow_api_exits_130_with_one_line_and_no_stack_trace()
    {
        // Given an API that takes half a minute to answer
        _emulator.Faults.Latency(TimeSpan.FromSeconds(30), times: 4);
        using var ctrlC = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        // When Ctrl+C comes once the request is on its way
        var run = _host.RunAsync(new TestTerminal(), ctrlC.Token, "api-tokens", "list");
        await _emulator.WaitForRequestsAsync(requests => requests.Count > 0);
        await ctrlC.CancelAsync();
        var result = await run;

        // Then
        result.ExitCode.ShouldBe(130, result.ToString());
        result.Stderr.ShouldBe("error: cancelled\n");
        result.Stdout.ShouldBeEmpty();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Cancelling_at_a_prompt_exits_130_and_writes_no_config()
    {
        // Given a user at the login prompt who never answers
        File.Delete(Path.Combine(_host.ConfigDirectory, "config.json"));
        using var input = new NeverAnswers();
        var terminal = new TestTerminal(input, interactive: true);
        using var ctrlC = new CancellationTokenSource();

        // When Ctrl+C comes while truto waits for the answer
        var run = _host.RunAsync(terminal, ctrlC.Token, "login", "--api-url", _emulator.BaseUrl.AbsoluteUri);
        await Task.Delay(300);
        await ctrlC.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(20));

        // Then
        result.ExitCode.ShouldBe(130, result.ToString());
        result.Stderr.ShouldEndWith("\nerror: cancelled\n");
        result.Stderr.ShouldNotContain("   at ");
        Directory.EnumerateFiles(_host.ConfigDirectory).ShouldBeEmpty();
    }

    /// <summary>Standard input of a user who has not typed anything yet: every read waits.</summary>
    private sealed class NeverAnswers : TextReader
    {
        private readonly ManualResetEventSlim _closed = new();

        public override string? ReadLine()
        {
            _closed.Wait();
            return null;
        }

        public override int Read() => ReadLine() is null ? -1 : 0;

        protected override void Dispose(bool disposing)
        {
            _closed.Set();
            base.Dispose(disposing);
        }
    }
}
