using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Extraction;

/// <summary>
/// Writes a JSON schema as block YAML for documentation rows (query_schema, body_schema, response_schema), trimmed
/// to a readable depth. Hand-written because the subset is tiny and the output must be stable.
/// </summary>
internal static class SchemaYaml
{
    private const int MaxDepth = 8;

    public static string Write(JToken schema)
    {
        var builder = new StringBuilder();
        WriteNode(builder, Trim(schema, 0), 0);
        return builder.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Drops what documentation does not need (xml, externalDocs, deep nesting).</summary>
    private static JToken Trim(JToken node, int depth)
    {
        switch (node)
        {
            case JObject o:
                var copy = new JObject();
                foreach (var property in o.Properties())
                {
                    if (property.Name is "xml" or "externalDocs" or "discriminator" or "readOnly" or "writeOnly" || property.Name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (depth >= MaxDepth && property.Value is JObject or JArray && property.Name is "properties" or "items" or "allOf" or "oneOf" or "anyOf")
                    {
                        continue;
                    }

                    copy[property.Name] = Trim(property.Value, depth + 1);
                }

                return copy;
            case JArray a:
                return new JArray(a.Select(i => Trim(i, depth + 1)));
            default:
                return node;
        }
    }

    private static void WriteNode(StringBuilder builder, JToken node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JObject o when o.Count == 0:
                builder.Append(pad).Append("{}\n");
                break;
            case JObject o:
                foreach (var property in o.Properties())
                {
                    builder.Append(pad).Append(Key(property.Name)).Append(':');
                    WriteValue(builder, property.Value, indent);
                }

                break;
            case JArray a:
                foreach (var item in a)
                {
                    builder.Append(pad).Append('-');
                    if (item is JObject { Count: > 0 } itemObject)
                    {
                        var inner = new StringBuilder();
                        WriteNode(inner, itemObject, indent + 2);
                        builder.Append(' ').Append(inner.ToString()[(indent + 2)..]);
                    }
                    else
                    {
                        WriteValue(builder, item, indent);
                    }
                }

                break;
            default:
                builder.Append(pad).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JToken value, int indent)
    {
        switch (value)
        {
            case JObject { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case JArray { Count: 0 }:
                builder.Append(" []\n");
                break;
            case JObject or JArray:
                builder.Append('\n');
                WriteNode(builder, value, indent + 2);
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(JToken value) => value.Type switch
    {
        JTokenType.Null => "null",
        JTokenType.Boolean => (bool)value ? "true" : "false",
        JTokenType.Integer or JTokenType.Float => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture) ?? "null",
        _ => NeedsQuotes((string?)value ?? "") ? Quote((string?)value ?? "") : (string?)value ?? "",
    };

    private static bool NeedsQuotes(string text) =>
        text.Length == 0
        || text.IndexOfAny([':', '#', '\n', '\r', '"', '\'', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`', '\t']) >= 0
        || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text[0] is '-' or '?'
        || text is "true" or "false" or "null" or "yes" or "no" or "~" || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t") + "\"";
}
