using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.EndToEnd;

public sealed class HostEntryPointTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Version_is_printed_without_loading_any_plugin()
    {
        _host.BundledPluginDirectory = null;

        var result = await _host.RunAsync("--version");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldMatch(@"^truto \d+\.\d+\.\d+.* \(plugin SDK 1\.\d+\)\n$");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Plugins_list_as_json_is_an_array_with_every_bundled_plugin()
    {
        var result = await _host.RunAsync("plugins", "list", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var plugins = JArray.Parse(result.Stdout);
        plugins.Select(p => (string?)p["name"]).ShouldBe(["api-tokens", "auth", "build", "profiles"], ignoreOrder: true);
        plugins.ShouldAllBe(p => (string?)p["status"] == "loaded" && (string?)p["source"] == "bundled");
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_with_a_suggestion()
    {
        var result = await _host.RunAsync("plugns", "list");

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe("""
            error: unknown command 'plugns'
            Did you mean 'plugins'? Run 'truto --help' to see every command.

            """.ReplaceLineEndings("\n"));
    }
}
