using Newtonsoft.Json.Linq;

namespace Truto.Cli.Tests.Smoke;

/// <summary>The built executable, run as a real process: what the in-process tests cannot see (the real console, pipes, exit codes).</summary>
public sealed class ExecutableSmokeTests : IDisposable
{
    private static readonly string[] BundledPlugins = ["api-tokens", "auth", "build", "profiles"];
    private readonly TrutoExecutable _truto = new();

    public void Dispose() => _truto.Dispose();

    [Fact]
    public async Task Version_exits_0_and_prints_the_version_on_stdout()
    {
        var result = await _truto.RunAsync("--version");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldMatch(@"^truto \d+\.\d+\.\d+\S* \(plugin SDK \d+\.\d+\)\n$");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Plugins_list_as_json_is_an_array_holding_every_bundled_plugin_loaded()
    {
        var result = await _truto.RunAsync("plugins", "list", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        var plugins = JToken.Parse(result.Stdout).ShouldBeOfType<JArray>();
        foreach (var name in BundledPlugins)
        {
            var plugin = plugins.SingleOrDefault(p => (string?)p["name"] == name).ShouldNotBeNull($"{name} in\n{result.Stdout}");
            ((string?)plugin["status"]).ShouldBe("loaded", $"{name}: {plugin["reason"]}");
            ((string?)plugin["source"]).ShouldBe("bundled");
        }
    }

    [Fact]
    public async Task An_unknown_command_exits_2_with_the_error_on_stderr_and_nothing_on_stdout()
    {
        var result = await _truto.RunAsync("frobnicate");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldStartWith("error: unknown command 'frobnicate'\n");
    }

    [Fact]
    public async Task A_reader_that_closes_the_pipe_early_ends_the_output_quietly_with_exit_0()
    {
        // Given more output than a pipe holds: the bundled plugins and hundreds of unusable plugin folders, each a record
        var pluginPath = Path.Combine(_truto.HomeDirectory, "many-plugins");
        for (var i = 0; i < 400; i++)
        {
            Directory.CreateDirectory(Path.Combine(pluginPath, $"unusable-plugin-{i:D3}-{new string('x', 100)}"));
        }

        _truto.Environment["TRUTO_PLUGIN_PATH"] = pluginPath;
        var whole = await _truto.RunAsync("plugins", "list", "-o", "ndjson");
        whole.ExitCode.ShouldBe(0, whole.ToString());
        whole.Stdout.Length.ShouldBeGreaterThan(4 * 64 * 1024, "the output must outgrow the pipe for truto to write into a closed one");

        // When the reader takes one line and closes the pipe, as `truto plugins list -o ndjson | head -1` does
        var (firstLine, result) = await _truto.RunAndCloseStdoutAfterFirstLineAsync("plugins", "list", "-o", "ndjson");

        // Then the reader got a whole record, and truto stopped without complaint
        JToken.Parse(firstLine.ShouldNotBeNull()).ShouldBeOfType<JObject>();
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
    }
}
