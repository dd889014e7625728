using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Profiles.Tests.ProfilesFixture;

namespace Truto.Plugins.Profiles.Tests;

public sealed class SetByokKeyCommandTests : IDisposable
{
    private const string NewKey = "fc-NEWKEY-0123456789abcdef";
    private readonly TrutoTestHost _host = new();

    public SetByokKeyCommandTests() => _host.WithConfig(TwoProfiles);

    public void Dispose() => _host.Dispose();

    private JObject Profile(string name) => (JObject)JObject.Parse(_host.ConfigText())["profiles"]![name]!;

    [Fact]
    public async Task Reads_one_line_from_piped_stdin_and_never_echoes_the_key()
    {
        var result = await _host.RunAsync(new TestTerminal(input: NewKey + "\nignored second line\n"), "profiles", "set-key", "firecrawl");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string?)Profile("default")["firecrawlApiKey"]).ShouldBe(NewKey);
        result.Stderr.ShouldBe("Saved the firecrawl key to profile 'default'.\n");
        result.ShouldNotLeak(NewKey);
    }

    [Fact]
    public async Task Asks_with_a_prompt_on_a_terminal()
    {
        var terminal = new TestTerminal(input: NewKey + "\n", interactive: true);

        var result = await _host.RunAsync(terminal, "profiles", "set-key", "fireworks", "-p", "staging");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string?)Profile("staging")["fireworksApiKey"]).ShouldBe(NewKey);
        result.Stderr.ShouldStartWith("fireworks API key: ");
        result.ShouldNotLeak(NewKey);
    }

    [Fact]
    public async Task Takes_the_key_as_an_argument()
    {
        var result = await _host.RunAsync("profiles", "set-key", "anthropic", NewKey);

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string?)Profile("default")["anthropicApiKey"]).ShouldBe(NewKey);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rejects_an_unknown_provider_before_reading_anything_or_writing()
    {
        var before = _host.ConfigText();

        var result = await _host.RunAsync(new TestTerminal(input: NewKey + "\n"), "profiles", "set-key", "openai");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("unknown provider 'openai'");
        result.Stderr.ShouldContain("anthropic, firecrawl, fireworks");
        _host.ConfigText().ShouldBe(before);
    }

    [Fact]
    public async Task An_empty_key_is_a_usage_error_and_writes_nothing()
    {
        var before = _host.ConfigText();

        var result = await _host.RunAsync(new TestTerminal(input: "\n"), "profiles", "set-key", "anthropic");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("no anthropic key given");
        _host.ConfigText().ShouldBe(before);
    }
}
