using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Build.Tests.BuildFixture;

namespace Truto.Plugins.Build.Tests;

/// <summary>
/// The whole workflow on every real input: build with --no-llm, lint without errors, apply to the emulator, and a
/// second apply that changes nothing. What a team does with a vendor's spec on day one.
/// </summary>
public sealed class BuildLintApplyPipelineTests : IAsyncLifetime
{
    private const string Token = "truto_tok_PIPELINE_0123456789abcdef";

    private readonly TrutoTestHost _host = new();
    private Truto.Emulator.TrutoEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _host.Environment["TRUTO_HTTP_RETRY_DELAY_MS"] = "0";
        _emulator = await _host.StartEmulatorAsync(Token);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _host.Dispose();
    }

    [Theory]
    [InlineData(PagerDuty)]
    [InlineData(SendGrid)]
    [InlineData(BigCommerce)]
    [InlineData(Harbor)]
    [InlineData(Intercom)]
    [InlineData(Wise)]
    public async Task Every_input_builds_lints_without_errors_and_applies(string input)
    {
        var (build, file, path) = await _host.BuildAsync(Input(input), "--no-llm");
        build.ExitCode.ShouldBe(0, build.ToString());

        var lint = await _host.RunAsync("integrations", "lint", path, "-o", "json");
        var summary = JObject.Parse(lint.Stdout)["summary"]!;
        ((int)summary["error"]!).ShouldBe(0, lint.Stdout);

        var apply = await _host.RunAsync("integrations", "apply", path, "-o", "json");
        apply.ExitCode.ShouldBe(0, apply.ToString());
        var stored = _emulator.GetIntegrations(Token).ShouldHaveSingleItem();
        ((string)stored["name"]!).ShouldBe((string)file!["name"]!);
        ((JObject)stored["config"]!["resources"]!).Count.ShouldBe(file.Resources().Count);
        _emulator.GetDocumentation(Token).Count.ShouldBe(((JArray)file["documentation"]!).Count(r => (string?)r["type"] is not ("note" or "end_user_guide")));

        // Give the file its id, as apply's summary says to; the second apply is an update that pushes no row.
        file["id"] = stored["id"];
        await File.WriteAllTextAsync(path, file.ToString());
        var again = await _host.RunAsync("integrations", "apply", path, "-o", "json");
        again.ExitCode.ShouldBe(0, again.ToString());
        var plan = JObject.Parse(again.Stdout);
        plan.ToString().ShouldContain("update");
        _emulator.GetIntegrations(Token).Count.ShouldBe(1);
    }
}
