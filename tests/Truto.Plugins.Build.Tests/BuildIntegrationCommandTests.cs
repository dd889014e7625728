using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using static Truto.Plugins.Build.Tests.BuildFixture;

namespace Truto.Plugins.Build.Tests;

/// <summary>The command's contract: positionals, flags, keys, files and errors.</summary>
public sealed class BuildIntegrationCommandTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_host.ConfigDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task A_positional_that_is_not_a_path_or_url_is_the_slug()
    {
        var (result, file, _) = await _host.BuildAsync(Input(SendGrid), "acme-lists", "--no-llm");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string)file!["name"]!).ShouldBe("acme-lists");
    }

    [Fact]
    public async Task Without_out_the_file_is_slug_dot_integration_json_in_the_current_folder()
    {
        var slug = "cwd-test-" + Guid.NewGuid().ToString("N")[..8];
        var expected = Path.Combine(Directory.GetCurrentDirectory(), slug + ".integration.json");
        try
        {
            var result = await _host.RunAsync("integrations", "build", Input(SendGrid), slug, "--no-llm");

            result.ExitCode.ShouldBe(0, result.ToString());
            result.Stdout.ShouldBe(expected + "\n");
            File.Exists(expected).ShouldBeTrue();
        }
        finally
        {
            File.Delete(expected);
        }
    }

    [Fact]
    public async Task Out_writes_where_asked_creating_folders_and_leaves_no_temporary_or_working_file()
    {
        var outPath = Path.Combine(_host.ConfigDirectory, "nested", "deeper", "x.integration.json");

        var result = await _host.RunAsync("integrations", "build", Input(PagerDuty), "--no-llm", "--out", outPath);

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(Path.GetDirectoryName(outPath)!).ShouldBe([outPath]);
        JObject.Parse(File.ReadAllText(outPath))["name"]!.ToString().ShouldBe("pagerduty");
    }

    [Fact]
    public async Task Machine_formats_print_nothing_on_stdout()
    {
        var outPath = Path.Combine(_host.OutFolder(), "m.integration.json");

        var result = await _host.RunAsync("integrations", "build", Input(SendGrid), "--no-llm", "--out", outPath, "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBeEmpty();
        File.Exists(outPath).ShouldBeTrue();
    }

    [Fact]
    public async Task A_working_file_of_the_same_sources_is_resumed_and_removed_on_success()
    {
        var outPath = Path.Combine(_host.OutFolder(), "r.integration.json");
        var earlier = new JObject { ["name"] = "sendgrid", ["label"] = "Resumed", ["config"] = new JObject { ["resources"] = new JObject() } };
        var fingerprint = BuildIntegrationCommand.Fingerprint([File.ReadAllText(Input(SendGrid))], null, []);
        File.WriteAllText(outPath + ".partial", new JObject { ["fingerprint"] = fingerprint, ["phase"] = "extracted", ["integration"] = earlier }.ToString());

        var result = await _host.RunAsync("integrations", "build", Input(SendGrid), "--no-llm", "--out", outPath);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("Resuming from " + outPath + ".partial");
        JObject.Parse(File.ReadAllText(outPath))["label"]!.ToString().ShouldBe("Resumed");
        File.Exists(outPath + ".partial").ShouldBeFalse();
    }

    [Fact]
    public async Task A_stale_working_file_is_ignored_with_a_warning_and_removed()
    {
        var outPath = Path.Combine(_host.OutFolder(), "s.integration.json");
        File.WriteAllText(outPath + ".partial", "{ not json");

        var result = await _host.RunAsync("integrations", "build", Input(SendGrid), "--no-llm", "--out", outPath);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("not valid JSON; starting over");
        File.Exists(outPath + ".partial").ShouldBeFalse();
    }

    [Theory]
    [InlineData("--dry-run", "apply <file> --dry-run")]
    [InlineData("-y", "--no-refine")]
    [InlineData("--resources=users,contacts", "Every resource is built")]
    [InlineData("--no-llm-regroup", "--no-llm")]
    [InlineData("--strict", "truto integrations lint")]
    public async Task Deprecated_flags_fail_with_exit_2_and_what_to_use_instead(string flag, string suggestion)
    {
        var (result, file, _) = await _host.BuildAsync(Input(SendGrid), flag);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("is no longer supported");
        result.Stderr.ShouldContain(suggestion);
        file.ShouldBeNull();
    }

    [Fact]
    public async Task A_structured_source_builds_without_any_key_and_says_how_to_enable_refinement()
    {
        var (result, file, _) = await _host.BuildAsync(Input(SendGrid));

        result.ExitCode.ShouldBe(0, result.ToString());
        file.ShouldNotBeNull();
        result.Stderr.Split('\n').Count(l => l.StartsWith("note: no Anthropic key", StringComparison.Ordinal)).ShouldBe(1);
        result.Stderr.ShouldContain("truto profiles set-key anthropic");
    }

    [Fact]
    public async Task Doc_pages_alone_without_a_key_fail_naming_every_way_to_give_one()
    {
        var (result, file, _) = await _host.BuildAsync(Input(RateLimitPage));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("need an Anthropic key");
        result.Stderr.ShouldContain("--anthropic-api-key");
        result.Stderr.ShouldContain("ANTHROPIC_API_KEY");
        result.Stderr.ShouldContain("truto profiles set-key anthropic");
        result.Stderr.ShouldContain("--no-llm");
        file.ShouldBeNull();
    }

    [Fact]
    public async Task Doc_pages_alone_with_no_llm_are_a_usage_error()
    {
        var (result, _, _) = await _host.BuildAsync(Input(RateLimitPage), "--no-llm");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("OpenAPI/Swagger spec or a Postman collection");
    }

    [Fact]
    public async Task Keys_never_reach_stdout_stderr_or_the_file()
    {
        _host.Environment["ANTHROPIC_API_KEY"] = FakeAnthropicKey;
        _host.Environment["FIRECRAWL_API_KEY"] = FakeFirecrawlKey;

        var (deterministic, file, path) = await _host.BuildAsync(Input(PagerDuty), "--no-llm", "--fireworks-api-key", "fw-FAKE-flag-key-0099");
        var (badUsage, _, _) = await _host.BuildAsync(Input(PagerDuty), "--anthropic-api-key", "sk-ant-FLAG-KEY-should-not-show-1234", "--max-turns", "0");

        deterministic.ExitCode.ShouldBe(0, deterministic.ToString());
        badUsage.ExitCode.ShouldBe(2, badUsage.ToString());
        File.ReadAllText(path).ShouldNotContain(FakeAnthropicKey);
        file!.ToString().ShouldNotContain("fw-FAKE-flag-key-0099");
        foreach (var result in new[] { deterministic, badUsage })
        {
            result.ShouldNotLeak(FakeAnthropicKey, FakeFirecrawlKey, "sk-ant-FLAG-KEY-should-not-show-1234", "fw-FAKE-flag-key-0099");
        }
    }

    [Fact]
    public async Task Sources_are_recognised_by_content_not_extension()
    {
        var disguised = Write("spec.txt", File.ReadAllText(Input(SendGrid)));

        var (result, file, _) = await _host.BuildAsync(disguised, "--no-llm");

        result.ExitCode.ShouldBe(0, result.ToString());
        file!.MethodCount().ShouldBe(7);
    }

    [Fact]
    public async Task A_missing_source_and_a_bad_slug_are_usage_errors()
    {
        (await _host.BuildAsync("./no-such-spec.yaml", "--no-llm")).Result.ExitCode.ShouldBe(2);
        (await _host.BuildAsync(Input(SendGrid), "Not_A Slug!", "--no-llm")).Result.ExitCode.ShouldBe(2);
        (await _host.BuildAsync(Input(SendGrid), "one", "two", "--no-llm")).Result.Stderr.ShouldContain("two slugs");
        (await _host.RunAsync("integrations", "build", "--no-llm")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Cyclic_refs_are_survived_and_shown_as_recursive()
    {
        var spec = Write("cyclic.yaml", """
            openapi: 3.0.3
            info: { title: Tree API, version: "1" }
            servers: [ { url: "https://api.tree.io/v1" } ]
            paths:
              /nodes:
                get:
                  parameters: [ { name: cursor, in: query, schema: { type: string } } ]
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { type: object, properties: { data: { type: array, items: { $ref: "#/components/schemas/Node" } }, next_cursor: { type: string } } }
              /nodes/{id}:
                get:
                  parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Node" } } } }
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    id: { type: string }
                    parent: { $ref: "#/components/schemas/Node" }
                    owner: { $ref: "#/components/schemas/Owner" }
                Owner:
                  type: object
                  properties:
                    nodes: { type: array, items: { $ref: "#/components/schemas/Node" } }
            """);

        var (result, file, _) = await _host.BuildAsync(spec, "--no-llm");

        result.ExitCode.ShouldBe(0, result.ToString());
        ShapeProblems(file!).ShouldBeEmpty();
        ((string)file!["name"]!).ShouldBe("tree");
        file["config"]!["pagination"]!["config"]!["cursor_field"]!.ToString().ShouldBe("next_cursor");
        file.Method("nodes", "list")["response_path"]!.ToString().ShouldBe("data");
        ((JArray)file["documentation"]!).Single(r => (string?)r["type"] == "response_schema" && (string?)r["method"] == "get")["content"]!.ToString().ShouldContain("recursive: Node");
    }

    [Fact]
    public async Task An_invalid_but_loadable_spec_builds_and_warns_on_stderr()
    {
        var spec = Write("invalid.json", """
            {
              "openapi": "3.0.0",
              "info": { "title": "Shaky API" },
              "servers": [ { "url": "https://api.shaky.dev" } ],
              "paths": {
                "/things": {
                  "get": {
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Missing" } } } } }
                  }
                }
              }
            }
            """);

        var (result, file, _) = await _host.BuildAsync(spec, "--no-llm");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("warning:");
        result.Stderr.ShouldContain("#/components/schemas/Missing");
        file!.Method("things", "list")["method"]!.ToString().ShouldBe("get");
        ((JArray)file!["audit_notes"]!).ShouldContain(n => (string?)n["severity"] == "warn");
    }

    [Fact]
    public async Task Postman_scripts_are_kept_as_text_and_never_run()
    {
        var marker = Path.Combine(_host.ConfigDirectory, "script-ran");
        var collection = Write("scripted.postman.json", $$$"""
            {
              "info": { "name": "Scripted API", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" },
              "auth": { "type": "bearer", "bearer": { "token": "{{token}}" } },
              "event": [ { "listen": "prerequest", "script": { "exec": ["require('fs').writeFileSync('{{{marker.Replace("\\", "/")}}}', 'x'); eval(pm.variables.get('code'))"] } } ],
              "variable": [ { "key": "baseUrl", "value": "https://api.scripted.dev" } ],
              "item": [
                { "name": "Widgets", "item": [
                  { "name": "List widgets", "event": [ { "listen": "test", "script": { "exec": ["pm.test('ok', () => {})"] } } ],
                    "request": { "method": "GET", "url": "{{baseUrl}}/widgets?page=1&per_page=50" } },
                  { "name": "Get widget", "request": { "method": "GET", "url": { "raw": "{{baseUrl}}/widgets/:id", "host": ["{{baseUrl}}"], "path": ["widgets", ":id"], "variable": [ { "key": "id", "description": "The widget id" } ] } } },
                  { "name": "Create widget", "request": { "method": "POST", "url": "{{baseUrl}}/widgets", "body": { "mode": "raw", "raw": "{\"name\": \"w\", \"size\": 3}" } } }
                ] }
              ]
            }
            """);

        var (result, file, _) = await _host.BuildAsync(collection, "--no-llm");

        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(marker).ShouldBeFalse();
        result.Stderr.ShouldContain("2 pre-request/test script(s) kept as text and never run");
        ShapeProblems(file!).ShouldBeEmpty();
        file!["config"]!["base_url"]!.ToString().ShouldBe("https://api.scripted.dev");
        file["config"]!["authorization"]!["format"]!.ToString().ShouldBe("bearer");
        file["config"]!["pagination"]!["format"]!.ToString().ShouldBe("page");
        file.Resources()["widgets"]!.ToObject<JObject>()!.Properties().Select(p => p.Name).ShouldBe(["list", "get", "create"]);
        ((JArray)file["documentation"]!).Single(r => (string?)r["type"] == "body_schema")["content"]!.ToString().ShouldContain("size:\n    type: integer");
    }

    [Fact]
    public async Task Help_lists_the_flags_and_examples()
    {
        var result = await _host.RunAsync("integrations", "build", "--help");

        result.ExitCode.ShouldBe(0);
        foreach (var flag in new[] { "--out", "--no-llm", "--anthropic-api-key", "--firecrawl-api-key", "--fireworks-api-key", "--anthropic-model", "--anthropic-base-url", "--firecrawl-api-url", "--max-turns", "--max-pages", "--no-firecrawl", "--no-llm-cache", "--refresh-llm-cache", "--no-refine", "--instructions", "--source-tier", "Examples:" })
        {
            result.Stdout.ShouldContain(flag);
        }

        result.Stdout.ShouldNotContain("--dry-run");
    }

    [Fact]
    public async Task Source_tier_openapi_only_needs_an_openapi_source()
    {
        var (result, _, _) = await _host.BuildAsync(Input(Wise), "--no-llm", "--source-tier", "openapi-only");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("needs an OpenAPI or Swagger source");
    }

    [Fact]
    public async Task Openapi_is_primary_over_postman_when_both_are_given()
    {
        var (result, file, _) = await _host.BuildAsync(Input(Intercom), Input(SendGrid), "--no-llm");

        result.ExitCode.ShouldBe(0, result.ToString());
        ((string)file!["name"]!).ShouldBe("sendgrid");
        file.MethodCount().ShouldBe(7);
    }
}
