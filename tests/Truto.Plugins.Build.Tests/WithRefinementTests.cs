using Newtonsoft.Json.Linq;
using Truto.ByokStubs;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Build.Tests.BuildFixture;

namespace Truto.Plugins.Build.Tests;

/// <summary>With a key, extraction is followed by the real refiner, here talking to a loopback Anthropic stub.</summary>
public sealed class WithRefinementTests : IAsyncLifetime
{
    private readonly TrutoTestHost _host = new();
    private AnthropicStub _anthropic = null!;

    public async Task InitializeAsync() => _anthropic = await AnthropicStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _anthropic.DisposeAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task A_key_from_the_environment_refines_at_ANTHROPIC_BASE_URL_and_never_shows_the_key()
    {
        _host.Environment["ANTHROPIC_API_KEY"] = FakeAnthropicKey;
        _host.Environment["ANTHROPIC_BASE_URL"] = _anthropic.BaseUrl.AbsoluteUri;
        _anthropic.EnqueueToolUse("finish", new { summary = "Looks complete." });

        var (result, file, path) = await _host.BuildAsync(Input(SendGrid), "--max-turns", "2", "--no-llm-cache");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("Refining with claude-opus-4-6");
        result.Stderr.ShouldNotContain("note: no Anthropic key");
        _anthropic.Requests.Count.ShouldBe(1);
        _anthropic.Requests[0].ApiKey.ShouldBe(FakeAnthropicKey);
        file!.MethodCount().ShouldBe(7, "the refiner's file is the extracted one when it changes nothing");
        File.ReadAllText(path).ShouldNotContain(FakeAnthropicKey);
        File.Exists(path + ".partial").ShouldBeFalse();
        result.ShouldNotLeak(FakeAnthropicKey);
    }

    [Fact]
    public async Task The_flags_beat_the_environment_for_the_endpoint_the_model_and_the_key()
    {
        _host.Environment["ANTHROPIC_API_KEY"] = "sk-ant-ENV-KEY-not-this-one-000";
        _host.Environment["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:9/";
        _anthropic.EnqueueToolUse("finish", new { summary = "Fine." });

        var (result, _, _) = await _host.BuildAsync(Input(SendGrid), "--anthropic-base-url", _anthropic.BaseUrl.AbsoluteUri, "--anthropic-model", "claude-test-model",
            "--anthropic-api-key", FakeAnthropicKey, "--no-llm-cache", "--instructions", "Only the lists API.");

        result.ExitCode.ShouldBe(0, result.ToString());
        _anthropic.Requests.Single().Model.ShouldBe("claude-test-model");
        _anthropic.Requests.Single().ApiKey.ShouldBe(FakeAnthropicKey);
        _anthropic.Requests.Single().System.ShouldContain("Only the lists API.");
        result.ShouldNotLeak(FakeAnthropicKey, "sk-ant-ENV-KEY-not-this-one-000");
    }

    [Fact]
    public async Task Doc_pages_with_a_key_build_through_the_refiner()
    {
        _host.Environment["ANTHROPIC_API_KEY"] = FakeAnthropicKey;
        _anthropic.EnqueueToolUse("read_source_overview", new { });
        _anthropic.EnqueueText("I need more turns.");

        var (result, file, _) = await _host.BuildAsync(Input(RateLimitPage), "acme", "--anthropic-base-url", _anthropic.BaseUrl.AbsoluteUri, "--max-turns", "2", "--no-llm-cache");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string)file!["name"]!).ShouldBe("acme");
        result.Stderr.ShouldContain("turn budget reached");
        _anthropic.Requests.Count.ShouldBe(2);
        result.ShouldNotLeak(FakeAnthropicKey);
    }

    [Fact]
    public async Task On_a_terminal_the_user_instructs_the_agent_accepts_its_patch_and_sees_a_progress_bar()
    {
        _host.Environment["ANTHROPIC_API_KEY"] = FakeAnthropicKey;
        _host.Environment["ANTHROPIC_BASE_URL"] = _anthropic.BaseUrl.AbsoluteUri;
        _anthropic.EnqueueToolUse("finish", new { summary = "Looks complete." });
        _anthropic.EnqueueToolUse("apply_patch", new { operations = new[] { new { op = "replace", path = "/category", value = "marketing" } } });
        _anthropic.EnqueueToolUse("finish", new { summary = "Category set to marketing." });
        var outPath = Path.Combine(_host.OutFolder(), "sendgrid.integration.json");

        var result = await _host.RunAsync(
            new TestTerminal(input: "Set the category to marketing\ny\n\n", interactive: true),
            "integrations", "build", Input(SendGrid), "--out", outPath, "--no-llm-cache", "--max-turns", "4");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string)JObject.Parse(File.ReadAllText(outPath))["category"]!).ShouldBe("marketing");
        result.Stderr.ShouldContain("Category set to marketing.");
        result.Stderr.ShouldContain("\r[#####---------------] turn 1/4: finish");
        _anthropic.Requests.Count.ShouldBe(3);
        _anthropic.Requests[1].Messages.ToString().ShouldContain("Set the category to marketing");
        result.ShouldNotLeak(FakeAnthropicKey);
    }

    [Fact]
    public async Task Off_a_terminal_progress_is_plain_lines_and_no_instruction_is_asked()
    {
        _host.Environment["ANTHROPIC_API_KEY"] = FakeAnthropicKey;
        _host.Environment["ANTHROPIC_BASE_URL"] = _anthropic.BaseUrl.AbsoluteUri;
        _anthropic.EnqueueToolUse("finish", new { summary = "Looks complete." });

        var (result, file, _) = await _host.BuildAsync(Input(SendGrid), "--no-llm-cache", "--max-turns", "4");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("  turn 1/4: finish\n");
        result.Stderr.ShouldNotContain("\r");
        _anthropic.Requests.Count.ShouldBe(1, "no interactive phase without a terminal");
    }

    [Fact]
    public async Task A_declined_proposal_leaves_the_file_as_it_was()
    {
        _host.Environment["ANTHROPIC_API_KEY"] = FakeAnthropicKey;
        _host.Environment["ANTHROPIC_BASE_URL"] = _anthropic.BaseUrl.AbsoluteUri;
        _anthropic.EnqueueToolUse("finish", new { summary = "Looks complete." });
        _anthropic.EnqueueToolUse("apply_patch", new { operations = new[] { new { op = "replace", path = "/category", value = "marketing" } } });
        _anthropic.EnqueueToolUse("finish", new { summary = "Category set to marketing." });
        var outPath = Path.Combine(_host.OutFolder(), "sendgrid.integration.json");

        var result = await _host.RunAsync(
            new TestTerminal(input: "Set the category to marketing\nn\n\n", interactive: true),
            "integrations", "build", Input(SendGrid), "--out", outPath, "--no-llm-cache", "--max-turns", "4");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string?)JObject.Parse(File.ReadAllText(outPath))["category"]).ShouldNotBe("marketing");
        _anthropic.Requests.Count.ShouldBe(3, "the proposal was made, then declined");
    }

    [Theory]
    [InlineData("sed -i 's/\"category\": *\"[^\"]*\"/\"category\": \"edited\"/'", "edited", "Accept these changes?")]
    [InlineData("false", null, "The editor exited with code 1; kept the previous version.")]
    [InlineData("sh -c 'echo not json > \"$1\"' sh", null, "The edited file is not valid JSON")]
    public async Task Edit_opens_the_editor_on_the_working_file_and_keeps_only_a_valid_accepted_result(string editor, string? category, string message)
    {
        _host.Environment["ANTHROPIC_API_KEY"] = FakeAnthropicKey;
        _host.Environment["ANTHROPIC_BASE_URL"] = _anthropic.BaseUrl.AbsoluteUri;
        _host.Environment["EDITOR"] = editor;
        _anthropic.EnqueueToolUse("finish", new { summary = "Looks complete." });
        var outPath = Path.Combine(_host.OutFolder(), "sendgrid.integration.json");

        var result = await _host.RunAsync(
            new TestTerminal(input: category is null ? ":edit\n\n" : ":edit\ny\n\n", interactive: true),
            "integrations", "build", Input(SendGrid), "--out", outPath, "--no-llm-cache");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain(message);
        var written = (string?)JObject.Parse(File.ReadAllText(outPath))["category"];
        if (category is null)
        {
            written.ShouldNotBe("edited");
        }
        else
        {
            written.ShouldBe(category);
        }

        Directory.GetFiles(Path.GetTempPath(), "truto-build-*.integration.json").ShouldBeEmpty("the editor's copy is removed");
    }
}
