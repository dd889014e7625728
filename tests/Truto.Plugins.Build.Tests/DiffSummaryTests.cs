using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Tests;

/// <summary>The short summary shown before the user accepts or skips a proposed change.</summary>
public sealed class DiffSummaryTests
{
    [Fact]
    public void Names_changed_sections_and_added_removed_and_changed_methods()
    {
        var before = JObject.Parse("""
            { "name": "acme", "label": "Acme", "config": { "base_url": "https://a", "resources": { "users": { "list": { "method": "get", "path": "/users" }, "get": { "method": "get", "path": "/users/{{id}}" } } } }, "documentation": [] }
            """);
        var after = JObject.Parse("""
            { "name": "acme", "label": "Acme Inc", "config": { "base_url": "https://b", "pagination": { "format": "page" }, "resources": { "users": { "list": { "method": "get", "path": "/v2/users" }, "create": { "method": "post", "path": "/users" } } } }, "documentation": [ { "type": "readme", "content": "x" } ] }
            """);

        var lines = BuildIntegrationCommand.DiffSummary(before, after);

        lines.ShouldBe(
        [
            "label: Acme -> Acme Inc",
            "config.base_url changed",
            "config.pagination added",
            "+ users.create",
            "- users.get",
            "~ users.list",
            "documentation: 0 -> 1 row(s)",
        ]);
        BuildIntegrationCommand.DiffSummary(before, (JObject)before.DeepClone()).ShouldBeEmpty();
    }
}
