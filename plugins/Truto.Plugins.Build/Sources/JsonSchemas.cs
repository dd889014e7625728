using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Sources;

/// <summary>
/// Local <c>$ref</c> resolution over a JSON document with a cycle guard and a depth cap, and schema inference from
/// example values (Postman bodies). Cycles and very deep schemas end in a short stub instead of recursing forever.
/// </summary>
internal sealed class JsonSchemas(JObject document)
{
    // How many $refs one chain may follow, and how deep objects may nest, before a stub stands in.
    private const int MaxReferenceDepth = 8;
    private const int MaxNesting = 48;

    /// <summary>References that named nothing (the document is invalid there, but the rest is usable).</summary>
    public HashSet<string> Unresolved { get; } = new(StringComparer.Ordinal);

    public JToken? Lookup(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null; // external refs: none in our inputs; the caller keeps the $ref as it is
        }

        JToken? node = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var key = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            node = node is JObject o ? o[key] : node is JArray a && int.TryParse(key, out var i) && i < a.Count ? a[i] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A copy of <paramref name="node"/> with every local $ref replaced by what it names.</summary>
    public JToken Resolve(JToken node) => Resolve(node, 0, 0, []);

    public JObject? ResolveObject(JToken? node) => node is null ? null : Resolve(node) as JObject;

    private JToken Resolve(JToken node, int references, int nesting, HashSet<string> stack)
    {
        switch (node)
        {
            case JObject o when o["$ref"] is JValue { Type: JTokenType.String } refValue:
            {
                var reference = (string)refValue!;
                var name = reference[(reference.LastIndexOf('/') + 1)..];
                if (stack.Contains(reference))
                {
                    return new JObject { ["type"] = "object", ["description"] = $"(recursive: {name})" };
                }

                if (references >= MaxReferenceDepth)
                {
                    return new JObject { ["type"] = "object", ["description"] = $"(see {name})" };
                }

                var target = Lookup(reference);
                if (target is null)
                {
                    Unresolved.Add(reference);
                    return new JObject { ["description"] = $"(unresolved reference {reference})" };
                }

                stack.Add(reference);
                var resolved = Resolve(target, references + 1, nesting + 1, stack);
                stack.Remove(reference);
                if (resolved is JObject r && r["title"] is null && o.Count == 1)
                {
                    r["title"] = name;
                }

                return resolved;
            }

            case JObject o:
            {
                if (nesting >= MaxNesting)
                {
                    return new JObject { ["type"] = "object" };
                }

                var copy = new JObject();
                foreach (var property in o.Properties())
                {
                    // Examples bloat schemas without describing them.
                    if (property.Name is "example" or "examples" or "x-examples")
                    {
                        continue;
                    }

                    copy[property.Name] = Resolve(property.Value, references, nesting + 1, stack);
                }

                return copy;
            }

            case JArray a:
                return new JArray(a.Select(item => Resolve(item, references, nesting + 1, stack)));

            default:
                return node.DeepClone();
        }
    }

    /// <summary>A schema's type: OpenAPI 3.1 may give a list (["string", "null"]); the first non-null one counts.</summary>
    public static string? TypeOf(JToken? schema) => schema?["type"] switch
    {
        JValue { Type: JTokenType.String } single => (string?)single,
        JArray list => list.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    /// <summary>A JSON schema describing an example value (a Postman body or saved response).</summary>
    public static JObject Infer(JToken value, int depth = 0) => value.Type switch
    {
        JTokenType.Object when depth < 8 => new JObject
        {
            ["type"] = "object",
            ["properties"] = new JObject(((JObject)value).Properties().Select(p => new JProperty(p.Name, Infer(p.Value, depth + 1)))),
        },
        JTokenType.Array when depth < 8 => ((JArray)value).Count > 0
            ? new JObject { ["type"] = "array", ["items"] = Infer(((JArray)value)[0], depth + 1) }
            : new JObject { ["type"] = "array" },
        JTokenType.Integer => new JObject { ["type"] = "integer" },
        JTokenType.Float => new JObject { ["type"] = "number" },
        JTokenType.Boolean => new JObject { ["type"] = "boolean" },
        JTokenType.Null => new JObject { ["type"] = "null" },
        JTokenType.Object or JTokenType.Array => new JObject { ["type"] = value.Type == JTokenType.Object ? "object" : "array" },
        _ => new JObject { ["type"] = "string" },
    };
}
