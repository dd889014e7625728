using Truto.Cli.Sdk.Testing;
using Truto.Emulator;

namespace Truto.Cli.Tests.Reliability;

/// <summary>
/// Every command path, with -v, on success and on each kind of failure, with recognisable secrets in play: none
/// of them may reach stdout, stderr or any file truto writes, except where a command reveals one on purpose.
/// </summary>
public sealed class SecretsMatrixTests : IAsyncLifetime, IDisposable
{
    private const string Token = "truto_tok_SECRET_TOKEN_7f3a9c1e5b";
    private const string OtherToken = "truto_tok_SECRET_OTHER_2d8e4a6c0f";
    private const string WrongToken = "truto_tok_SECRET_WRONG_9b1d3f5a7c";
    private const string AnthropicKey = "sk-ant-SECRET-ANTHROPIC-4e6a8c0b2d";
    private const string FirecrawlKey = "fc-SECRET-FIRECRAWL-1a3c5e7b9d";
    private const string FireworksKey = "fw-SECRET-FIREWORKS-8f0b2d4e6a";
    private const string NewKey = "sk-ant-SECRET-NEWKEY-5c7e9a1b3d";

    private static readonly string[] Secrets = [Token, OtherToken, WrongToken, AnthropicKey, FirecrawlKey, FireworksKey, NewKey];

    private readonly TrutoTestHost _host = new();
    private TrutoEmulator _emulator = null!;
    private string _apiUrl = "";

    public async Task InitializeAsync()
    {
        _emulator = await TrutoEmulator.StartAsync();
        _emulator.AddToken(Token);
        _emulator.AddToken(OtherToken);
        _apiUrl = _emulator.BaseUrl.AbsoluteUri.TrimEnd('/');
        _host.Environment["TRUTO_HTTP_RETRY_DELAY_MS"] = "0";
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _host.Dispose();

    private void WriteConfig() => File.WriteAllText(Path.Combine(_host.ConfigDirectory, "config.json"), $$"""
        {
          "activeProfile": "default",
          "profiles": {
            "default": { "apiUrl": "{{_apiUrl}}", "token": "{{Token}}", "anthropicApiKey": "{{AnthropicKey}}", "firecrawlApiKey": "{{FirecrawlKey}}", "fireworksApiKey": "{{FireworksKey}}" },
            "stale": { "apiUrl": "{{_apiUrl}}", "token": "{{WrongToken}}" }
          }
        }
        """);

    private IEnumerable<(string Name, Func<Task<CliResult>> Run)> Paths()
    {
        Task<CliResult> Run(params string[] args) => _host.RunAsync([.. args, "-v"]);
        Task<CliResult> RunWith(string stdin, params string[] args) => _host.RunAsync(new TestTerminal(input: stdin), [.. args, "-v"]);

        foreach (var format in new[] { "table", "json", "ndjson", "csv", "yaml" })
        {
            yield return ($"profiles list -o {format}", () => Run("profiles", "list", "-o", format));
            yield return ($"whoami -o {format}", () => Run("whoami", "-o", format));
        }

        yield return ("profiles get a secret key, masked", () => Run("profiles", "get", "anthropicApiKey"));
        yield return ("profiles get a secret key as json", () => Run("profiles", "get", "firecrawl-api-key", "-o", "json"));
        yield return ("profiles set a secret key on the command line", () => Run("profiles", "set", "fireworksApiKey", FireworksKey));
        yield return ("profiles set-key from stdin", () => RunWith(NewKey + "\n", "profiles", "set-key", "anthropic"));
        yield return ("profiles set-key on a prompt", () => _host.RunAsync(new TestTerminal(input: NewKey + "\n", interactive: true), "profiles", "set-key", "firecrawl", "-v"));
        yield return ("login with --token", () => Run("login", "--token", OtherToken, "--api-url", _apiUrl, "--profile-name", "other"));
        yield return ("login with --token-stdin", () => RunWith(OtherToken + "\n", "login", "--token-stdin", "--api-url", _apiUrl, "--profile-name", "piped"));
        yield return ("login interactive", () => _host.RunAsync(new TestTerminal(input: $"inter\n{_apiUrl}\n{OtherToken}\n", interactive: true), "login", "-v"));
        yield return ("login rejected (401)", () => Run("login", "--token", WrongToken, "--api-url", _apiUrl));
        yield return ("login unreachable", () => Run("login", "--token", OtherToken, "--api-url", "http://127.0.0.1:9"));
        yield return ("whoami rejected (401) from a profile", () => Run("whoami", "-p", "stale"));
        yield return ("whoami with --token", () => Run("whoami", "--token", OtherToken));
        yield return ("api-tokens list", () => Run("api-tokens", "list"));
        yield return ("api-tokens list --all -o ndjson", () => Run("api-tokens", "list", "--all", "-o", "ndjson"));
        yield return ("api-tokens get not found", () => Run("api-tokens", "get", "00000000-0000-4000-8000-000000000000"));
        yield return ("api-tokens with a wrong --token", () => Run("api-tokens", "list", "--token", WrongToken));
        yield return ("server errors until retries run out", () =>
        {
            _emulator.Faults.Status(503, times: 10, pathPrefix: "/environment");
            return Run("whoami");
        });
        yield return ("an HTML error page", () =>
        {
            _emulator.Faults.HtmlErrorPage(502, times: 10, pathPrefix: "/api-token");
            return Run("api-tokens", "list");
        });
        yield return ("a usage error", () => Run("profiles", "set", "apiUrl", "not a url"));
        yield return ("an unknown command", () => Run("frobnicate", "--token", Token));
        yield return ("logout", () => _host.RunAsync(new TestTerminal(input: "y\n", interactive: true), "logout", "--profile-name", "stale", "-v"));
    }

    [Fact]
    public async Task No_secret_reaches_stdout_stderr_or_any_file_but_the_config()
    {
        WriteConfig();
        var leaks = new List<string>();
        foreach (var (name, run) in Paths())
        {
            var result = await run();
            foreach (var secret in Secrets)
            {
                if (result.Stdout.Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add($"{name}: stdout holds {secret}");
                }

                if (result.Stderr.Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add($"{name}: stderr holds {secret}");
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(_host.ConfigDirectory, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "config.json"))
        {
            var text = await File.ReadAllTextAsync(file);
            leaks.AddRange(Secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"{file} holds {s}"));
        }

        leaks.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_matrix_really_exercises_verbose_traffic_and_failures()
    {
        // Guards the test above against passing because nothing ran: the paths did talk to the API and did fail.
        WriteConfig();

        var ok = await _host.RunAsync("whoami", "-v");
        var rejected = await _host.RunAsync("whoami", "-p", "stale", "-v");

        ok.ExitCode.ShouldBe(0, ok.ToString());
        ok.Stderr.ShouldContain("Authorization: Bearer [REDACTED]");
        rejected.ExitCode.ShouldBe(1);
        rejected.Stderr.ShouldContain("   at ");
    }

    [Fact]
    public async Task Reveal_is_the_one_way_to_print_a_secret()
    {
        WriteConfig();

        var result = await _host.RunAsync("profiles", "get", "anthropicApiKey", "--reveal");

        result.Stdout.ShouldBe(AnthropicKey + "\n");
    }
}
