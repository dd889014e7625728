using System.Globalization;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;
using YamlDotNet.Serialization;

namespace Truto.Cli.Output.Formatters;

/// <summary>YAML of the records as returned; a list becomes a sequence. Buffered, like the official CLI's.</summary>
internal sealed class YamlFormatter : IRecordFormatter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public void WriteObject(JToken record, TextWriter output) => Serializer.Serialize(output, ToPlain(record));

    public async Task WriteRecordsAsync(IAsyncEnumerable<JToken> records, IReadOnlyList<TableColumn> columns, TextWriter output, CancellationToken cancellationToken)
    {
        var all = new List<object?>();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            all.Add(ToPlain(record));
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
}
