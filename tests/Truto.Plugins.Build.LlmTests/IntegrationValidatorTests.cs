using Newtonsoft.Json.Linq;
using Truto.Plugins.Build.Refinement;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>The validate_integration tool: the build-complete checklist and method naming.</summary>
public sealed class IntegrationValidatorTests
{
    private static JObject Complete()
    {
        var file = Fixtures.ExtractedAcme();
        return JsonPatch.Apply(file, JToken.FromObject(Fixtures.CompletingPatch())["operations"]);
    }

    [Fact]
    public void A_complete_file_has_no_findings()
    {
        IntegrationValidator.Validate(Complete()).ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_file_lists_every_missing_checklist_item()
    {
        var findings = IntegrationValidator.Validate(JObject.Parse("""{ "config": {} }"""));

        findings.Where(f => f.Severity == "error").Select(f => f.Path).ShouldBe(
            ["/name", "/label", "/category", "/sharing", "/config/credentials", "/config/base_url", "/config/authorization", "/config/resources"]);
        findings.ShouldContain(f => f.Severity == "warn" && f.Path == "/config/headers");
    }

    [Fact]
    public void A_base_url_variable_that_is_no_credential_field_is_an_error()
    {
        var file = Complete();
        file["config"]!["base_url"] = "https://{{region}}.acme.test";

        IntegrationValidator.Validate(file).Single().Message.ShouldBe("`{{region}}` in base_url is not a credential field.");
    }

    [Fact]
    public void Numbered_suffixes_and_item_methods_without_an_id_are_method_naming_findings_that_block_completion()
    {
        var file = Complete();
        file["config"]!["resources"]!["contacts"]!["list_2"] = JObject.Parse("""{ "path": "/contacts/all", "method": "get" }""");
        file["config"]!["resources"]!["contacts"]!["delete"] = JObject.Parse("""{ "path": "/contacts", "method": "delete" }""");

        var findings = IntegrationValidator.Validate(file);

        findings.Select(f => (f.Source, f.Path)).ShouldBe([
            ("method_naming", "/config/resources/contacts/list_2"),
            ("method_naming", "/config/resources/contacts/delete"),
        ]);
        findings.ShouldAllBe(f => f.BlocksCompletion);
    }
}
