using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Testing;
using YamlDotNet.Serialization;

namespace Truto.Cli.Tests.Output.Formatters;

public sealed class YamlFormatterTests
{
    private readonly TestTerminal _terminal = new();

    /// <summary>A reader that, like most YAML consumers, takes unquoted scalars for numbers, booleans and nulls.</summary>
    private static readonly IDeserializer TypedReader = new DeserializerBuilder()
        .WithAttemptingUnquotedStringTypeDeserialization()
        .Build();

    [Fact]
    public async Task Writes_a_list_as_a_sequence_of_mappings()
    {
        var output = Renderer.On(_terminal, OutputFormat.Yaml);

        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);

        _terminal.Stdout.ShouldBe("""
            - id: 7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01
              tenant_id: acme-corp
              integration:
                name: hubspot
                category: crm
              status: active
              is_sandbox: false
              created_at: "2024-03-01T10:15:00.000Z"
            - id: 0b9e8d7c-6f5a-4e3d-b2c1-a09f8e7d6c5b
              tenant_id: globex
              integration:
                name: zendesk
                category: ticketing
              status: needs_reauth
              is_sandbox: true
              created_at: "2024-05-20T08:00:00.000Z"

            """);
        _terminal.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Writes_a_single_object_as_a_mapping_that_reads_back_as_the_object()
    {
        var output = Renderer.On(_terminal, OutputFormat.Yaml);

        await output.WriteObjectAsync(Records.HubSpotAccount(), CancellationToken.None);

        var read = TypedReader.Deserialize<Dictionary<string, object?>>(_terminal.Stdout);
        read["id"].ShouldBe("7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01");
        read["tenant_id"].ShouldBe("acme-corp");
        read["integration"].ShouldBeAssignableTo<IDictionary<object, object>>()!["name"].ShouldBe("hubspot");
        read["status"].ShouldBe("active");
        read["is_sandbox"].ShouldBe(false);
        read["created_at"].ShouldBe("2024-03-01T10:15:00.000Z");
    }

    [Fact]
    public async Task Writes_an_empty_list_as_an_empty_sequence()
    {
        var output = Renderer.On(_terminal, OutputFormat.Yaml);

        await output.WriteListAsync([], Records.AccountColumns, CancellationToken.None);

        _terminal.Stdout.ShouldBe("[]\n");
        TypedReader.Deserialize<List<object>>(_terminal.Stdout).ShouldBeEmpty();
    }

    [Fact]
    public async Task Strings_that_look_like_numbers_booleans_or_null_stay_strings()
    {
        // Given text values that a YAML reader would otherwise take for other types, next to real ones
        var record = Json.Object("""
            {
              "zip": "02134",
              "code": "123",
              "version": "1.0",
              "exponent": "1e3",
              "flag": "true",
              "upper_flag": "FALSE",
              "word": "null",
              "tilde": "~",
              "empty": "",
              "count": 3,
              "ratio": 0.5,
              "active": true,
              "deleted_at": null
            }
            """);
        var output = Renderer.On(_terminal, OutputFormat.Yaml);

        // When it is written as yaml and read back by a reader that types unquoted scalars
        await output.WriteObjectAsync(record, CancellationToken.None);
        var read = TypedReader.Deserialize<Dictionary<string, object?>>(_terminal.Stdout);

        // Then the strings are strings and the numbers, booleans and null are what they were
        foreach (var name in new[] { "zip", "code", "version", "exponent", "flag", "upper_flag", "word", "tilde", "empty" })
        {
            read[name].ShouldBe((string?)record[name], $"{name} in\n{_terminal.Stdout}");
        }

        read["count"].ShouldBe(3);
        read["ratio"].ShouldBe(0.5);
        read["active"].ShouldBe(true);
        read["deleted_at"].ShouldBeNull();
    }

    [Fact]
    public async Task Quotes_strings_that_yaml_1_1_or_yaml_1_2_readers_take_for_other_types()
    {
        // Given text that PyYAML, Ruby and yq 3 (YAML 1.1) or yq 4, js-yaml and YamlDotNet (YAML 1.2) would read as a
        // boolean, a number or a timestamp, such as Norway's country code and a New Jersey zip code
        var record = Json.Object("""
            {
              "country": "NO",
              "answer": "yes",
              "short": "y",
              "switch": "on",
              "other": "Off",
              "zip": "08901",
              "exponent": "1e3",
              "float": "1.5e5",
              "half": ".5",
              "signed": "+1",
              "hex": "0x1F",
              "octal": "0o17",
              "grouped": "1_000",
              "sexagesimal": "12:30",
              "binary": "0b101",
              "infinity": "-.INF",
              "nan": ".NaN",
              "created_at": "2024-01-15T10:00:00.000Z",
              "day": "2024-01-15",
              "name": "norway",
              "count": 3
            }
            """);
        var output = Renderer.On(_terminal, OutputFormat.Yaml);

        // When it is written as yaml
        await output.WriteObjectAsync(record, CancellationToken.None);

        // Then each of them is quoted, and only they are
        _terminal.Stdout.ShouldBe("""
            country: "NO"
            answer: "yes"
            short: "y"
            switch: "on"
            other: "Off"
            zip: "08901"
            exponent: "1e3"
            float: "1.5e5"
            half: ".5"
            signed: "+1"
            hex: "0x1F"
            octal: "0o17"
            grouped: "1_000"
            sexagesimal: "12:30"
            binary: "0b101"
            infinity: "-.INF"
            nan: ".NaN"
            created_at: "2024-01-15T10:00:00.000Z"
            day: "2024-01-15"
            name: norway
            count: 3

            """);
    }
}
