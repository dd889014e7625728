using Truto.Cli.Sdk.Testing;

namespace Truto.Plugins.Build.ApplyTests;

public sealed class LintIntegrationCommandTests : IntegrationFileScenario
{
    private async Task<(CliResult Result, JObject Envelope)> LintJsonAsync(params string[] args)
    {
        var result = await Host.RunAsync(["integrations", "lint", .. args, "-o", "json"]);
        return (result, result.Stdout.Length > 0 ? Read(result.Stdout) : new JObject());
    }

    private async Task<IReadOnlyList<JObject>> FindingsAsync(JObject file, string? source = null)
    {
        var (result, envelope) = await LintJsonAsync(Write(file));
        result.ExitCode.ShouldBeOneOf([0, 1], result.ToString());
        return envelope["findings"]!.Cast<JObject>().Where(f => source is null || (string?)f["source"] == source).ToList();
    }

    private static JObject With(Action<JObject> change)
    {
        var file = Acme();
        change(file);
        return file;
    }

    private static JObject Method(JObject file, string resource, string name) => (JObject)file["config"]!["resources"]![resource]![name]!;

    [Fact]
    public async Task The_complete_fixture_has_no_findings_and_exits_0()
    {
        var (result, envelope) = await LintJsonAsync(Write(Acme()));

        result.ExitCode.ShouldBe(0, result.ToString());
        envelope["findings"]!.ShouldBeEmpty();
        Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_json_envelope_names_the_source_mode_findings_and_summary()
    {
        var path = Write(With(f => ((JObject)f["config"]!).Remove("pagination")));

        var (result, envelope) = await LintJsonAsync(path);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        envelope.Properties().Select(p => p.Name).ShouldBe(["source", "mode", "findings", "summary"]);
        ((string?)envelope["source"]).ShouldBe(path);
        ((string?)envelope["mode"]).ShouldBe("file");
        JToken.DeepEquals(envelope["findings"], JArray.Parse("""
            [{ "severity": "info", "section": "pagination", "source": "presence_check", "resource": null, "method": null,
               "message": "no pagination: list methods return only their first page" }]
            """)).ShouldBeTrue(envelope.ToString());
        JToken.DeepEquals(envelope["summary"], JObject.Parse("""{ "total": 1, "error": 0, "warn": 0, "info": 1 }""")).ShouldBeTrue();
    }

    [Fact]
    public async Task Ndjson_is_the_same_envelope_on_one_line_and_keeps_info_despite_ignore_info()
    {
        var result = await Host.RunAsync("integrations", "lint", Write(With(f => ((JObject)f["config"]!).Remove("rate_limit"))), "-o", "ndjson", "--ignore-info");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var envelope = Read(lines.ShouldHaveSingleItem());
        ((string?)envelope["mode"]).ShouldBe("file");
        envelope["findings"]!.Select(f => (string?)f["severity"]).ShouldBe(["info"]);
    }

    [Fact]
    public async Task The_official_integration_config_dir_flag_is_accepted_with_a_warning()
    {
        var result = await Host.RunAsync("integrations", "lint", Write(Acme()), "--integration-config-dir", Folder);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("warning: --integration-config-dir is ignored: the pattern_match audit is not implemented in this truto");
    }

    [Fact]
    public async Task Presence_check_warns_without_credentials_or_authorization_and_informs_on_missing_limits()
    {
        var findings = await FindingsAsync(With(f =>
        {
            var config = (JObject)f["config"]!;
            config.Remove("credentials");
            config.Remove("authorization");
            config.Remove("rate_limit");
            config.Remove("error_expression");
        }), "presence_check");

        findings.Select(f => $"{f["severity"]} {f["section"]}").ShouldBe(["warn credentials", "warn authorization", "info rate_limit", "info error_expression"]);
    }

    [Fact]
    public async Task An_unknown_http_method_is_an_error()
    {
        var findings = await FindingsAsync(With(f => Method(f, "deals", "list")["method"] = "fetch"), "critic_method_config");

        var finding = findings.ShouldHaveSingleItem();
        ((string?)finding["severity"]).ShouldBe("error");
        ((string?)finding["resource"]).ShouldBe("deals");
        ((string?)finding["method"]).ShouldBe("list");
        ((string?)finding["message"]).ShouldBe("unknown HTTP method 'fetch': use get, post, put, patch or delete");
    }

    [Fact]
    public async Task Post_with_id_in_the_path_is_a_warning_but_patch_with_id_is_fine()
    {
        var findings = await FindingsAsync(With(f => Method(f, "contacts", "create")["path"] = "/contacts/{{id}}"), "critic_method_config");

        ((string?)findings.ShouldHaveSingleItem()["message"]).ShouldStartWith("POST with {{id}} in the path (/contacts/{{id}})");
    }

    [Fact]
    public async Task A_named_custom_action_may_post_to_a_record()
    {
        var findings = await FindingsAsync(With(f => f["config"]!["resources"]!["contacts"]!["archive"] = new JObject { ["method"] = "post", ["path"] = "/contacts/{{id}}/archive" }), "critic_method_config");

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Variables_that_are_neither_built_ins_nor_credential_fields_are_flagged()
    {
        var findings = await FindingsAsync(With(f =>
        {
            Method(f, "deals", "list")["query"] = new JObject { ["workspace"] = "{{context.workspace_id}}", ["since"] = "{{query.updated_at.gt}}", ["key"] = "{{ api_key }}" };
            f["config"]!["headers"]!["X-Region"] = "{{region}}";
        }));

        findings.Select(f => $"{f["severity"]} {f["source"]} {f["section"]} {f["message"]}").ShouldBe(
        [
            "warn critic_config headers {{region}} is not defined: not a built-in, a credential field (api_key, subdomain) or context.<credential field>",
            "warn critic_method_config resources {{context.workspace_id}} is not defined: not a built-in, a credential field (api_key, subdomain) or context.<credential field>",
        ]);
    }

    [Fact]
    public async Task Numbered_method_names_are_a_naming_warning()
    {
        var findings = await FindingsAsync(With(f => ((JObject)f["config"]!["resources"]!["deals"]!).Add("list_2", new JObject { ["method"] = "get", ["path"] = "/deals/archived" })), "method_naming");

        var finding = findings.ShouldHaveSingleItem();
        ((string?)finding["severity"]).ShouldBe("warn");
        ((string?)finding["method"]).ShouldBe("list_2");
        ((string)finding["message"]!).ShouldContain("numbered method name 'list_2'");
    }

    [Fact]
    public async Task Item_methods_whose_path_does_not_end_in_id_are_a_naming_warning()
    {
        var findings = await FindingsAsync(With(f =>
        {
            Method(f, "deals", "get")["path"] = "/deals/{{id}}/summary";
            Method(f, "contacts", "update")["path"] = "/contacts/{{ id }}/";
        }), "method_naming");

        var finding = findings.ShouldHaveSingleItem();
        ((string?)finding["resource"]).ShouldBe("deals");
        ((string?)finding["message"]).ShouldBe("'get' acts on one record, but its path (/deals/{{id}}/summary) does not end in {{id}}: end it in /{{id}} or rename the method");
    }

    [Fact]
    public async Task Descriptions_that_are_empty_repeat_the_name_or_are_short_are_flagged()
    {
        var findings = await FindingsAsync(With(f =>
        {
            var rows = (JArray)f["documentation"]!;
            rows[2]["content"] = " ";
            rows[4]["content"] = "Get contact";
            rows[9]["content"] = "Gets a deal.";
            rows.RemoveAt(8); // deals.list loses its description
        }), "description_quality");

        findings.Select(f => $"{f["severity"]} {f["resource"]}.{f["method"]}").ShouldBe(["warn contacts.list", "warn contacts.get", "info deals.list", "info deals.get"]);
        ((string?)findings[1]["message"]).ShouldBe("the description \"Get contact\" only repeats the method's name: say what it returns or does");
    }

    [Fact]
    public async Task Descriptions_are_not_audited_when_the_file_has_no_documentation_rows()
    {
        var findings = await FindingsAsync(With(f => f.Remove("documentation")), "description_quality");

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_row_describing_a_method_that_does_not_exist_is_a_warning()
    {
        var findings = await FindingsAsync(With(f => ((JArray)f["documentation"]!).Add(new JObject { ["type"] = "description", ["resource"] = "deals", ["method"] = "delete", ["content"] = "Delete a deal and its line items." })), "description_quality");

        ((string?)findings.ShouldHaveSingleItem()["message"]).ShouldBe("a description row describes deals.delete, which config.resources does not have");
    }

    [Fact]
    public async Task Shape_problems_apply_would_refuse_are_errors()
    {
        var (result, envelope) = await LintJsonAsync(Write(With(f => ((JObject)Method(f, "contacts", "list")).Remove("path"))));

        result.ExitCode.ShouldBe(1);
        var finding = envelope["findings"]!.Cast<JObject>().ShouldHaveSingleItem();
        ((string?)finding["source"]).ShouldBe("schema");
        ((string?)finding["message"]).ShouldBe("config.resources.contacts.list.path: is required");
    }

    [Fact]
    public async Task Warnings_exit_1_unless_ignored_and_errors_always_exit_1()
    {
        var warned = Write(With(f => ((JObject)f["config"]!).Remove("credentials")), "warned.integration.json");
        var broken = Write(With(f => Method(f, "deals", "list")["method"] = "fetch"), "broken.integration.json");

        (await Host.RunAsync("integrations", "lint", warned)).ExitCode.ShouldBe(1);
        (await Host.RunAsync("integrations", "lint", warned, "--ignore-warnings")).ExitCode.ShouldBe(0);
        (await Host.RunAsync("integrations", "lint", broken, "--ignore-warnings")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Info_findings_never_block()
    {
        var result = await Host.RunAsync("integrations", "lint", Write(With(f => ((JObject)f["config"]!).Remove("rate_limit"))));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBe("1 finding: 0 error, 0 warn, 1 info; nothing blocking\n");
    }

    [Fact]
    public async Task The_table_groups_findings_by_severity_and_ignore_info_hides_info_lines()
    {
        var path = Write(With(f =>
        {
            ((JObject)f["config"]!).Remove("rate_limit");
            ((JObject)f["config"]!).Remove("authorization");
            Method(f, "deals", "list")["method"] = "fetch";
        }));

        var all = await Host.RunAsync("integrations", "lint", path);
        var quiet = await Host.RunAsync("integrations", "lint", path, "--ignore-info");

        all.ExitCode.ShouldBe(1);
        all.Stdout.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')[0]).ShouldBe(["error", "warn", "info"]);
        all.Stderr.ShouldBe("3 findings: 1 error, 1 warn, 1 info; errors block\n");
        quiet.Stdout.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')[0]).ShouldBe(["error", "warn"]);
        quiet.Stderr.ShouldBe("3 findings: 1 error, 1 warn, 1 info (info hidden); errors block\n");
    }

    [Fact]
    public async Task Csv_has_one_row_per_finding_with_the_documented_columns()
    {
        var result = await Host.RunAsync("integrations", "lint", Write(With(f => ((JObject)f["config"]!).Remove("rate_limit"))), "-o", "csv", "--ignore-info");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe("severity,section,source,resource,method,message\r\ninfo,rate_limit,presence_check,,,no rate_limit: rate-limit answers from the provider are not recognised\r\n");
    }

    [Theory]
    [InlineData("missing.integration.json", "does not exist")]
    [InlineData("", "is a folder, not an IntegrationFile")]
    public async Task A_missing_file_or_a_folder_is_an_input_error(string name, string message)
    {
        var result = await Host.RunAsync("integrations", "lint", Path.Combine(Folder, name));

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain(message);
    }

    [Fact]
    public async Task Invalid_json_is_an_input_error_naming_the_line()
    {
        var result = await Host.RunAsync("integrations", "lint", WriteText("{\n  \"name\": \"acme-crm\",\n  \"config\": {,}\n}"));

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("is not valid JSON");
        result.Stderr.ShouldContain("line 3");
    }

    [Fact]
    public async Task Slug_mode_lints_the_live_config_read_from_the_api()
    {
        var live = With(f => ((JObject)f["config"]!["resources"]!["deals"]!).Add("list_2", new JObject { ["method"] = "get", ["path"] = "/deals/archived" }));
        var seeded = SeedAcme(live);

        var (result, envelope) = await LintJsonAsync("acme-crm");

        result.ExitCode.ShouldBe(1, result.ToString());
        ((string?)envelope["mode"]).ShouldBe("slug");
        ((string?)envelope["source"]).ShouldBe("acme-crm");
        envelope["findings"]!.Select(f => $"{f["source"]} {f["method"]}").ShouldBe(["method_naming list_2"]);
        Calls().ShouldBe(["GET /integration", $"GET /integration/{seeded["id"]}"]);
        Emulator.Requests[0].Query["name"].ShouldBe("acme-crm");
    }

    [Fact]
    public async Task An_unknown_slug_is_an_input_error()
    {
        var result = await Host.RunAsync("integrations", "lint", "globex-hris");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("'globex-hris' is neither a file nor the slug of an integration in this environment");
    }

    [Fact]
    public async Task Compare_live_reports_live_methods_missing_from_the_file_and_new_ones()
    {
        var live = With(f => ((JObject)f["config"]!["resources"]!["deals"]!).Add("delete", new JObject { ["method"] = "delete", ["path"] = "/deals/{{id}}" }));
        SeedAcme(live);
        var file = With(f => ((JObject)f["config"]!["resources"]!["deals"]!).Add("create", new JObject { ["method"] = "post", ["path"] = "/deals" }));

        var (result, envelope) = await LintJsonAsync(Write(file), "--compare-live");

        result.ExitCode.ShouldBe(1, result.ToString());
        envelope["findings"]!.Where(f => (string?)f["source"] == "method_coverage").Select(f => $"{f["severity"]} {f["resource"]}.{f["method"]}")
            .ShouldBe(["warn deals.delete", "info deals.create"]);
        Calls().ShouldBe(["GET /integration"]);
    }

    [Fact]
    public async Task Method_coverage_is_not_run_offline()
    {
        SeedAcme();
        var file = With(f =>
        {
            ((JObject)f["config"]!["resources"]!).Remove("deals");
            f.Remove("documentation");
        });

        var (result, envelope) = await LintJsonAsync(Write(file));

        result.ExitCode.ShouldBe(0, result.ToString());
        envelope["findings"]!.ShouldBeEmpty();
        Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lint_never_writes_the_folder_stays_byte_for_byte_the_same()
    {
        var path = Write(With(f => Method(f, "deals", "list")["method"] = "fetch"));
        var before = Snapshot();

        await Host.RunAsync("integrations", "lint", path);
        await Host.RunAsync("integrations", "lint", path, "-o", "json");

        Snapshot().ShouldBe(before);
        Emulator.Requests.ShouldBeEmpty();
    }

    private IReadOnlyList<string> Snapshot() => Directory.EnumerateFileSystemEntries(Folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(p => File.Exists(p) ? $"{p} {File.GetLastWriteTimeUtc(p):O} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))}" : p)
        .ToList();
}
