using CsCheck;
using CsvHelper;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Profiles;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Testing;
using Truto.Cli.Tests.Output;

namespace Truto.Cli.Tests.Properties;

/// <summary>Properties that hold for any records, any text and any profile content, checked on generated samples.</summary>
public sealed class OutputAndStoreProperties
{
    /// <summary>Text as APIs return it: letters, the characters CSV and JSON must escape, accents, CJK and emoji.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.OneOf<string>(",", "\"", "\n", "\r", "\r\n", "\t", " ", "'", "\\", "é", "日本", "\U0001F600", "\u200B", "=cmd", "-1", "null"))
        .Array[0, 12]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<JObject> Record = Gen.Select(Text, Text, Text, Gen.Int[-1000, 1000], Gen.Bool,
        (name, note, city, count, active) => new JObject
        {
            ["name"] = name,
            ["note"] = note,
            ["address"] = new JObject { ["city"] = city },
            ["count"] = count,
            ["active"] = active,
        });

    [Fact]
    public void Csv_output_read_back_with_csvhelper_equals_the_records()
    {
        Record.Array[1, 8].Sample(records =>
        {
            var terminal = new TestTerminal();
            Renderer.On(terminal, OutputFormat.Csv).WriteListAsync(records, [], CancellationToken.None).GetAwaiter().GetResult();

            using var reader = CsvReader.FromText(terminal.Stdout, new CsvReaderOptions { Separator = ',' });
            var row = 0;
            while (reader.Read())
            {
                var record = records[row++];
                reader.GetString(0).ShouldBe((string)record["name"]!);
                reader.GetString(1).ShouldBe((string)record["note"]!);
                JToken.DeepEquals(JToken.Parse(reader.GetString(2)), record["address"]).ShouldBeTrue();
                reader.GetString(3).ShouldBe(((int)record["count"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
                reader.GetString(4).ShouldBe((bool)record["active"]! ? "true" : "false");
            }

            row.ShouldBe(records.Length);
        }, iter: 200);
    }

    [Fact]
    public void Every_ndjson_line_parses_back_to_its_record()
    {
        Record.Array[0, 8].Sample(records =>
        {
            var terminal = new TestTerminal();
            Renderer.On(terminal, OutputFormat.Ndjson).WriteListAsync(records, [], CancellationToken.None).GetAwaiter().GetResult();

            var lines = terminal.Stdout.Split('\n');
            lines[^1].ShouldBeEmpty();
            lines.Length.ShouldBe(records.Length + 1);
            for (var i = 0; i < records.Length; i++)
            {
                JToken.DeepEquals(JToken.Parse(lines[i]), records[i]).ShouldBeTrue(lines[i]);
            }
        }, iter: 200);
    }

    [Fact]
    public void Tables_never_throw_on_any_unicode_at_any_width()
    {
        // Any string at all here, lone surrogates and control characters included.
        Gen.Select(Gen.String.Array[1, 6].Array[0, 5], Gen.Int[0, 200], Gen.Bool).Sample((rows, width, interactive) =>
        {
            var terminal = new TestTerminal(interactive: interactive, width: width);
            var records = rows.Select(cells => new JObject(cells.Select((cell, i) => new JProperty($"c{i}", cell)))).ToArray();
            var output = Renderer.On(terminal, OutputFormat.Table);

            output.WriteListAsync(records, [new("A", "c0"), new("B", "c1"), new("C", "c2")], CancellationToken.None).GetAwaiter().GetResult();
            foreach (var record in records)
            {
                output.WriteObjectAsync(record, CancellationToken.None).GetAwaiter().GetResult();
            }
        }, iter: 300);
    }

    [Fact]
    public void The_profile_store_round_trips_any_valid_content()
    {
        var optional = Gen.Frequency<string?>((1, Gen.Const((string?)null)), (3, Text.Select(s => (string?)s)));
        var profile = Gen.Select(optional, optional, optional, optional, optional, optional, optional,
            (url, token, account, anthropic, firecrawl, fireworks, dir) => new Profile
            {
                ApiUrl = url, ApiToken = token, DefaultIntegratedAccount = account, AnthropicApiKey = anthropic,
                FirecrawlApiKey = firecrawl, FireworksApiKey = fireworks, IntegrationConfigDir = dir,
            });
        var config = Gen.Select(Gen.Dictionary(Text.Where(n => n.Length > 0), profile)[0, 5], optional)
            .Select((profiles, active) => new ProfileConfig(active, profiles));

        config.Sample(expected =>
        {
            var directory = Path.Combine(Path.GetTempPath(), "truto-prop-" + Guid.NewGuid().ToString("N")[..10]);
            try
            {
                var store = new ProfileStore(Path.Combine(directory, "config.json"), TimeSpan.FromSeconds(5));
                store.UpdateAsync(_ => expected, CancellationToken.None).GetAwaiter().GetResult();
                var read = new ProfileStore(Path.Combine(directory, "config.json"), TimeSpan.FromSeconds(5)).ReadAsync(CancellationToken.None).GetAwaiter().GetResult();

                read.ActiveProfile.ShouldBe(expected.ActiveProfile);
                read.Profiles.Count.ShouldBe(expected.Profiles.Count);
                foreach (var (name, value) in expected.Profiles)
                {
                    read.Profiles[name].ShouldBe(value);
                }
            }
            finally
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }, iter: 100);
    }
}
