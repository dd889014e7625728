using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Truto.Cli.Output.Formatters;

/// <summary>YAML of the records as returned; a list becomes a sequence. Buffered, like the official CLI's.</summary>
internal sealed partial class YamlFormatter : IRecordFormatter
{
    // A string must stay a string for YAML 1.1 readers (PyYAML, Ruby, yq 3: `no`, `on`, `12:30`) and YAML 1.2 ones
    // (yq 4, js-yaml, YamlDotNet: `1e3`, `08901`). YamlDotNet quotes either list, not both, so the 1.2 numbers
    // missing from its 1.1 list are quoted here, and so are ISO dates, which 1.1 readers turn into timestamps.
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .WithEventEmitter(next => new QuoteYaml12Numbers(next))
        .DisableAliases()
        .Build();

    public void WriteObject(JToken record, TextWriter output) => Serializer.Serialize(output, ToPlain(record));

    public async Task WriteRecordsAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken)
    {
        var all = new List<object?>();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            all.Add(ToPlain(RecordValues.ToToken(record)));
        }

        if (all.Count == 0)
        {
            output.Write("[]\n");
            return;
        }

        Serializer.Serialize(output, all);
    }

    private static object? ToPlain(JToken token) => token switch
    {
        JObject obj => obj.Properties().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
        JArray array => array.Select(ToPlain).ToList(),
        JValue { Type: JTokenType.Date } v => RecordValues.CellText(v),
        JValue { Type: JTokenType.Float } v => Convert.ToDouble(v.Value, CultureInfo.InvariantCulture),
        JValue v => v.Value,
        _ => token.ToString(),
    };

    private sealed partial class QuoteYaml12Numbers(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && (Yaml12Number().IsMatch(text) || Yaml11Timestamp().IsMatch(text)))
            {
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            }

            base.Emit(eventInfo, emitter);
        }

        /// <summary>The YAML 1.2 core schema's integers and floats in base 10.</summary>
        [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
        private static partial Regex Yaml12Number();

        /// <summary>What YAML 1.1's timestamp type accepts at its start: a date, alone or followed by a time.</summary>
        [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)")]
        private static partial Regex Yaml11Timestamp();
    }
}
