using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Comfort;

public sealed class ContextTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Holds_every_command_of_every_plugin_and_of_truto_itself()
    {
        var result = await _host.RunAsync("context");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        var commands = LiveTree.Commands();
        commands.Count.ShouldBeGreaterThan(15);
        foreach (var command in commands)
        {
            result.Stdout.ShouldContain($"#### `truto {string.Join(' ', LiveTree.Words(command))}`", customMessage: "missing from truto context");
            if (!string.IsNullOrWhiteSpace(command.Description))
            {
                result.Stdout.ShouldContain(command.Description.Trim());
            }
        }
    }

    [Fact]
    public async Task Holds_a_plugin_dropped_in_at_run_time()
    {
        _host.AddPlugin(LiveTree.GreeterAssembly);

        var result = await _host.RunAsync("context");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("### Plugin `greeter`");
        result.Stdout.ShouldContain("#### `truto greet hello` (alias: `hi`)");
        result.Stdout.ShouldContain("- `-l, --language <code>`: The greeting's language: en, fr or es.");
    }

    [Fact]
    public async Task Holds_the_global_options_output_formats_exit_codes_and_how_tokens_and_keys_resolve()
    {
        var result = await _host.RunAsync("context");

        foreach (var expected in new[]
        {
            "## Global options", "| `-p, --profile <name>` |", "| `--token <token>` |", "| `--api-url <url>` |",
            "| `-o, --output <format>` |", "| `-v, --verbose` |", "| `--no-color` |",
            "## Output formats", "`ndjson`", "## Exit codes", "| `130` | cancelled (Ctrl+C) |",
            "## Token and key resolution", "ANTHROPIC_API_KEY",
        })
        {
            result.Stdout.ShouldContain(expected);
        }
    }

    [Fact]
    public async Task Shows_examples_and_with_full_the_whole_extended_help_text()
    {
        var brief = await _host.RunAsync("context");
        var full = await _host.RunAsync("context", "--full");

        brief.Stdout.ShouldContain("truto profiles set apiUrl https://api.truto.one");
        brief.Stdout.ShouldNotContain("Keys (camelCase, snake_case or kebab-case)");
        full.ExitCode.ShouldBe(0, full.ToString());
        full.Stdout.ShouldContain("Keys (camelCase, snake_case or kebab-case)");
        full.Stdout.Length.ShouldBeGreaterThan(brief.Stdout.Length);
    }
}
