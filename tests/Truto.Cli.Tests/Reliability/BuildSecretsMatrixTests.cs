using Truto.ByokStubs;
using Truto.Cli.Sdk.Testing;
using Truto.Emulator;

namespace Truto.Cli.Tests.Reliability;

/// <summary>
/// The secrets matrix for the build plugin: build, lint and apply with -v, through the LLM and Firecrawl paths, on
/// success and on each kind of failure, with recognisable keys in the profile, the environment and on the command
/// line. No key may reach stdout, stderr, the caches, the working files or the IntegrationFile.
/// </summary>
public sealed class BuildSecretsMatrixTests : IAsyncLifetime
{
    private const string Token = "truto_tok_SECRET_BUILD_TOKEN_5d7f9b";
    private const string AnthropicKey = "sk-ant-SECRET-BUILD-ANTHROPIC-3c5e7a";
    private const string FlagAnthropicKey = "sk-ant-SECRET-BUILD-FLAGKEY-8b0d2f";
    private const string FirecrawlKey = "fc-SECRET-BUILD-FIRECRAWL-6e8a0c";

    private static readonly string[] Secrets = [Token, AnthropicKey, FlagAnthropicKey, FirecrawlKey];

    private const string Spec = """
        {"openapi":"3.0.0","info":{"title":"Acme CRM","version":"1"},
         "servers":[{"url":"https://api.acme.example/v1"}],
         "components":{"securitySchemes":{"key":{"type":"apiKey","in":"header","name":"X-Api-Key"}}},
         "security":[{"key":[]}],
         "paths":{"/contacts":{"get":{"summary":"List contacts","parameters":[{"name":"cursor","in":"query","schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}},
                               "post":{"summary":"Create a contact","responses":{"201":{"description":"created"}}}},
                  "/contacts/{id}":{"get":{"summary":"Get a contact","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}}}
        """;

    private readonly TrutoTestHost _host = new();
    private TrutoEmulator _emulator = null!;
    private AnthropicStub _anthropic = null!;
    private FirecrawlStub _firecrawl = null!;
    private StaticSiteStub _site = null!;
    private string _work = "";

    public async Task InitializeAsync()
    {
        _emulator = await TrutoEmulator.StartAsync();
        _emulator.AddToken(Token);
        _anthropic = await AnthropicStub.StartAsync();
        _firecrawl = await FirecrawlStub.StartAsync();
        _site = await StaticSiteStub.StartAsync();
        _host.Environment["TRUTO_HTTP_RETRY_DELAY_MS"] = "0";
        _host.Environment["ANTHROPIC_BASE_URL"] = _anthropic.BaseUrl.AbsoluteUri;
        _host.Environment["FIRECRAWL_API_URL"] = _firecrawl.BaseUrl.AbsoluteUri;
        _work = Path.Combine(_host.ConfigDirectory, "work");
        Directory.CreateDirectory(_work);
        File.WriteAllText(Path.Combine(_host.ConfigDirectory, "config.json"), $$"""
            {
              "activeProfile": "default",
              "profiles": { "default": { "apiUrl": "{{_emulator.BaseUrl.AbsoluteUri.TrimEnd('/')}}", "token": "{{Token}}", "anthropicApiKey": "{{AnthropicKey}}", "firecrawlApiKey": "{{FirecrawlKey}}" } }
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _firecrawl.DisposeAsync();
        await _anthropic.DisposeAsync();
        await _emulator.DisposeAsync();
        _host.Dispose();
    }

    private IEnumerable<(string Name, int ExitCode, Func<Task<CliResult>> Run)> Paths()
    {
        var spec = Path.Combine(_work, "acme.json");
        File.WriteAllText(spec, Spec);
        string Out(string name) => Path.Combine(_work, name + ".integration.json");
        Task<CliResult> Run(params string[] args) => _host.RunAsync([.. args, "-v"]);

        yield return ("build --no-llm", 0, () => Run("integrations", "build", spec, "acme", "--no-llm", "--out", Out("acme")));
        yield return ("build refined with the profile's key", 0, () =>
        {
            _anthropic.EnqueueToolUse("read_source_overview", new { }).EnqueueToolUse("finish", new { summary = "Complete." });
            return Run("integrations", "build", spec, "acme", "--out", Out("refined"), "--max-turns", "3");
        });
        yield return ("build refined from the cache", 0, () => Run("integrations", "build", spec, "acme", "--out", Out("cached"), "--max-turns", "3"));
        yield return ("build with the key on the command line", 0, () =>
        {
            _anthropic.EnqueueToolUse("finish", new { summary = "Complete." });
            return Run("integrations", "build", spec, "acme", "--out", Out("flag"), "--anthropic-api-key", FlagAnthropicKey, "--no-llm-cache");
        });
        yield return ("build with a rejected key (401)", 1, () =>
        {
            _anthropic.EnqueueError(401, "authentication_error", "invalid x-api-key");
            return Run("integrations", "build", spec, "acme", "--out", Out("rejected"), "--no-llm-cache");
        });
        yield return ("build while Anthropic fails until retries run out", 1, () =>
        {
            for (var i = 0; i < 6; i++)
            {
                _anthropic.EnqueueServerError();
            }

            return Run("integrations", "build", spec, "acme", "--out", Out("failing"), "--no-llm-cache");
        });
        yield return ("build a doc page through Firecrawl", 0, () =>
        {
            var page = _site.Add("/docs/contacts", "<html><body><h1>Contacts API</h1><p>Send X-Api-Key.</p></body></html>");
            _firecrawl.AddPage(page.AbsoluteUri, "# Contacts API\n\nSend X-Api-Key.", "Contacts API");
            _anthropic.EnqueueToolUse("read_source_overview", new { }).EnqueueText("Out of ideas.");
            return Run("integrations", "build", page.AbsoluteUri, "acme", "--out", Out("docs"), "--max-turns", "2", "--max-pages", "1", "--no-llm-cache");
        });
        yield return ("build a doc page while Firecrawl refuses payment (402)", 1, () =>
        {
            var page = _site.Add("/docs/deals", "<html><body><h1>Deals</h1></body></html>");
            _firecrawl.EnqueueError(402, "Payment required");
            return Run("integrations", "build", page.AbsoluteUri, "acme", "--out", Out("unpaid"), "--max-pages", "1", "--no-llm-cache");
        });
        yield return ("lint -o json", 0, () => Run("integrations", "lint", Out("acme"), "-o", "json", "--ignore-warnings"));
        yield return ("apply --dry-run", 0, () => Run("integrations", "apply", Out("acme"), "--dry-run"));
        yield return ("apply to the API", 0, () => Run("integrations", "apply", Out("acme")));
        yield return ("apply with the API failing", 1, () =>
        {
            _emulator.Faults.Status(503, times: 10, pathPrefix: "/integration");
            return Run("integrations", "apply", Out("acme"));
        });
    }

    [Fact]
    public async Task No_key_reaches_output_logs_caches_or_files_on_any_build_path()
    {
        var leaks = new List<string>();
        foreach (var (name, exitCode, run) in Paths())
        {
            var result = await run();
            result.ExitCode.ShouldBe(exitCode, $"{name}\n{result}");
            leaks.AddRange(Secrets.Where(s => result.Stdout.Contains(s, StringComparison.Ordinal)).Select(s => $"{name}: stdout holds {s}"));
            leaks.AddRange(Secrets.Where(s => result.Stderr.Contains(s, StringComparison.Ordinal)).Select(s => $"{name}: stderr holds {s}"));
        }

        var files = Directory.EnumerateFiles(_host.ConfigDirectory, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "config.json").ToArray();
        files.ShouldContain(f => f.Contains(Path.Combine("cache", "anthropic")), "the LLM cache was written and is scanned");
        files.ShouldContain(f => f.EndsWith("refined.integration.json"), "an IntegrationFile was written and is scanned");
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            leaks.AddRange(Secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"{file} holds {s}"));
        }

        _anthropic.Requests.ShouldContain(r => r.ApiKey == AnthropicKey, "the profile's key was really sent");
        _anthropic.Requests.ShouldContain(r => r.ApiKey == FlagAnthropicKey, "the flag's key was really sent");
        leaks.ShouldBeEmpty();
    }
}
