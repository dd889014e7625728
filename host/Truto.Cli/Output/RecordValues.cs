using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Cli.Output;

/// <summary>Turns whatever a command hands over into JSON values, and JSON values into cell text.</summary>
internal static class RecordValues
{
    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
    });

    public static JToken ToToken(object? record) => record switch
    {
        null => JValue.CreateNull(),
        JToken token => token,
        Api.RawJsonObject raw => raw.ToJObject(),
        _ => JToken.FromObject(record, Serializer),
    };

    /// <summary>The value at a dotted path (<c>integration.name</c>), or null.</summary>
    public static JToken? Select(JToken record, string path)
    {
        var current = record;
        foreach (var segment in path.Split('.'))
        {
            if (current is not JObject obj || !obj.TryGetValue(segment, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Text for a table or CSV cell: scalars as themselves, objects and arrays as compact JSON.</summary>
    public static string CellText(JToken? value) => value switch
    {
        null => "",
        { Type: JTokenType.Null or JTokenType.Undefined } => "",
        JValue { Value: IFormattable formattable } v when v.Type is JTokenType.Date => formattable.ToString("o", CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Boolean } v => (bool)v! ? "true" : "false",
        JValue { Type: JTokenType.Float } v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "",
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "",
        JArray array when array.All(item => item is JValue) => string.Join(", ", array.Select(CellText)),
        _ => value.ToString(Formatting.None),
    };

    /// <summary>The top-level field names of a record, for formats that need columns and were given none.</summary>
    public static IReadOnlyList<string> FieldNames(JToken record) =>
        record is JObject obj ? obj.Properties().Select(p => p.Name).ToArray() : ["value"];
}
