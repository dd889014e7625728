using Newtonsoft.Json.Linq;
using Truto.Plugins.Build.Refinement;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>The apply_patch format: RFC 6902 add/replace/remove with JSON Pointers, all or nothing.</summary>
public sealed class JsonPatchTests
{
    private static readonly JObject Document = JObject.Parse("""{ "config": { "headers": { "a/b": 1 }, "tags": ["x", "y"] } }""");

    private static JObject Apply(string operations) => JsonPatch.Apply(Document, JArray.Parse(operations));

    [Fact]
    public void Adds_replaces_and_removes_object_members_and_array_items()
    {
        var result = Apply("""
            [ { "op": "add", "path": "/config/base_url", "value": "https://x.test" },
              { "op": "replace", "path": "/config/headers/a~1b", "value": 2 },
              { "op": "add", "path": "/config/tags/-", "value": "z" },
              { "op": "add", "path": "/config/tags/0", "value": "w" },
              { "op": "remove", "path": "/config/tags/1" } ]
            """);

        result.ToString(Newtonsoft.Json.Formatting.None).ShouldBe("""{"config":{"headers":{"a/b":2},"tags":["w","y","z"],"base_url":"https://x.test"}}""");
        Document["config"]!["base_url"].ShouldBeNull();
    }

    [Theory]
    [InlineData("""[ { "op": "replace", "path": "/config/missing", "value": 1 } ]""", "Operation 1 (replace /config/missing): /config/missing does not exist; `add` its parent first. Nothing was applied.")]
    [InlineData("""[ { "op": "remove", "path": "/config/tags/5" } ]""", "Operation 1 (remove /config/tags/5): /config/tags/5 does not exist; `add` its parent first. Nothing was applied.")]
    [InlineData("""[ { "op": "move", "path": "/config" } ]""", "Operation 1 (move /config): `op` must be add, replace or remove. Nothing was applied.")]
    [InlineData("""[ { "op": "add", "path": "config/x", "value": 1 } ]""", "Operation 1 (add config/x): `path` must be a JSON Pointer starting with '/', e.g. /config/base_url. Nothing was applied.")]
    [InlineData("""[ { "op": "add", "path": "/config/x" } ]""", "Operation 1 (add /config/x): `value` is required. Nothing was applied.")]
    [InlineData("""[ { "op": "replace", "path": "", "value": {} } ]""", "Operation 1 (replace ): the whole file cannot be replaced or removed; patch its fields. Nothing was applied.")]
    [InlineData("""[ { "path": "/config" } ]""", "Operation 1 needs string fields `op` and `path`.")]
    [InlineData("""[ { "op": "add", "path": "/config/tags/9", "value": 1 } ]""", "Operation 1 (add /config/tags/9): array index '9' is out of range (use '-' to append). Nothing was applied.")]
    public void Rejects_a_malformed_operation_with_a_message_the_model_can_act_on(string operations, string message)
    {
        Should.Throw<JsonPatchException>(() => Apply(operations)).Message.ShouldBe(message);
    }

    [Fact]
    public void Applies_nothing_when_a_later_operation_fails()
    {
        var error = Should.Throw<JsonPatchException>(() => Apply("""
            [ { "op": "add", "path": "/config/base_url", "value": "https://x.test" },
              { "op": "remove", "path": "/config/nope" } ]
            """));

        error.Message.ShouldStartWith("Operation 2 (remove /config/nope)");
        Document["config"]!["base_url"].ShouldBeNull();
    }
}
