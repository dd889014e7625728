using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Output.Formatters;

public sealed class JsonFormatterTests
{
    private readonly TestTerminal _terminal = new();

    [Fact]
    public async Task Writes_a_single_object_as_one_indented_document()
    {
        // Given a get result
        var output = Renderer.On(_terminal, OutputFormat.Json);

        // When it is written as json
        await output.WriteObjectAsync(Records.HubSpotAccount(), CancellationToken.None);

        // Then stdout holds the object, indented, nested objects kept as objects, dates as the API sent them
        _terminal.Stdout.ShouldBe("""
            {
              "id": "7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01",
              "tenant_id": "acme-corp",
              "integration": {
                "name": "hubspot",
                "category": "crm"
              },
              "status": "active",
              "is_sandbox": false,
              "created_at": "2024-03-01T10:15:00.000Z"
            }

            """);
        _terminal.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Writes_a_list_as_one_indented_array()
    {
        var output = Renderer.On(_terminal, OutputFormat.Json);
        var second = Json.Object("""{ "id": "tok_2", "scopes": ["read", "write"], "owner": { "team": { "name": "platform" } } }""");

        await output.WriteListAsync([Records.HubSpotAccount(), second], Records.AccountColumns, CancellationToken.None);

        _terminal.Stdout.ShouldBe("""
            [
              {
                "id": "7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01",
                "tenant_id": "acme-corp",
                "integration": {
                  "name": "hubspot",
                  "category": "crm"
                },
                "status": "active",
                "is_sandbox": false,
                "created_at": "2024-03-01T10:15:00.000Z"
              },
              {
                "id": "tok_2",
                "scopes": [
                  "read",
                  "write"
                ],
                "owner": {
                  "team": {
                    "name": "platform"
                  }
                }
              }
            ]

            """);
    }

    [Fact]
    public async Task Writes_an_empty_list_as_an_empty_array()
    {
        var output = Renderer.On(_terminal, OutputFormat.Json);

        await output.WriteListAsync([], Records.AccountColumns, CancellationToken.None);

        _terminal.Stdout.ShouldBe("[]\n");
    }

    [Fact]
    public async Task Writes_a_streamed_list_as_the_same_array_as_a_list()
    {
        var listed = new TestTerminal();
        var streamed = new TestTerminal();

        await Renderer.On(listed, OutputFormat.Json).WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);
        await Renderer.On(streamed, OutputFormat.Json).WriteStreamAsync(Records.Accounts().AsStream(), Records.AccountColumns, CancellationToken.None);

        streamed.Stdout.ShouldBe(listed.Stdout);
        JArray.Parse(streamed.Stdout).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Writes_anonymous_objects_and_dictionaries_as_json_objects_like_json_values()
    {
        // Given the same record handed over as a JSON value, an anonymous object and a dictionary
        var asJson = Json.Object("""{ "id": "tok_1", "name": "ci", "expires": null, "scopes": ["read"], "owner": { "email": "ada@example.com" }, "uses": 3 }""");
        var asAnonymous = new { id = "tok_1", name = "ci", expires = (string?)null, scopes = new[] { "read" }, owner = new { email = "ada@example.com" }, uses = 3 };
        var asDictionary = new Dictionary<string, object?>
        {
            ["id"] = "tok_1",
            ["name"] = "ci",
            ["expires"] = null,
            ["scopes"] = new List<string> { "read" },
            ["owner"] = new Dictionary<string, object?> { ["email"] = "ada@example.com" },
            ["uses"] = 3,
        };

        // When each is written as json
        var outputs = new List<string>();
        foreach (var record in new object[] { asJson, asAnonymous, asDictionary })
        {
            var terminal = new TestTerminal();
            await Renderer.On(terminal, OutputFormat.Json).WriteObjectAsync(record, CancellationToken.None);
            outputs.Add(terminal.Stdout);
        }

        // Then all three read the same
        outputs[0].ShouldBe("""
            {
              "id": "tok_1",
              "name": "ci",
              "expires": null,
              "scopes": [
                "read"
              ],
              "owner": {
                "email": "ada@example.com"
              },
              "uses": 3
            }

            """);
        outputs[1].ShouldBe(outputs[0]);
        outputs[2].ShouldBe(outputs[0]);
    }
}
