using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Refinement;

/// <summary>
/// The patch format of the <c>apply_patch</c> tool: a subset of RFC 6902 JSON Patch. Operations are
/// <c>{"op":"add"|"replace"|"remove","path":"/json/pointer","value":…}</c> (RFC 6901 pointers; <c>-</c> appends
/// to an array). A patch applies as a whole or not at all: the first failing operation rejects it with a message
/// that says which operation failed and why, for the model to correct.
/// </summary>
internal static class JsonPatch
{
    /// <summary>Applies <paramref name="operations"/> to a copy of <paramref name="document"/>.</summary>
    /// <exception cref="JsonPatchException">The patch is malformed or does not fit the document.</exception>
    public static JObject Apply(JObject document, JToken? operations)
    {
        if (operations is not JArray list || list.Count == 0)
        {
            throw new JsonPatchException("`operations` must be a non-empty array of {op, path, value} objects.");
        }

        var result = (JObject)document.DeepClone();
        for (var i = 0; i < list.Count; i++)
        {
            var number = i + 1;
            if (list[i] is not JObject operation)
            {
                throw new JsonPatchException($"Operation {number} is not an object.");
            }

            var op = operation["op"]?.Type == JTokenType.String ? (string)operation["op"]! : null;
            var path = operation["path"]?.Type == JTokenType.String ? (string)operation["path"]! : null;
            if (op is null || path is null)
            {
                throw new JsonPatchException($"Operation {number} needs string fields `op` and `path`.");
            }

            try
            {
                Apply(result, op, path, operation);
            }
            catch (JsonPatchException e)
            {
                throw new JsonPatchException($"Operation {number} ({op} {path}): {e.Message} Nothing was applied.");
            }
        }

        return result;
    }

    private static void Apply(JObject root, string op, string path, JObject operation)
    {
        var segments = Parse(path);
        if (segments.Count == 0)
        {
            throw new JsonPatchException("the whole file cannot be replaced or removed; patch its fields.");
        }

        var parent = Resolve(root, segments.Take(segments.Count - 1), path);
        var last = segments[^1];
        var value = operation["value"];
        switch (op)
        {
            case "add" or "replace" when value is null:
                throw new JsonPatchException("`value` is required.");
            case "add":
                Add(parent, last, value.DeepClone());
                break;
            case "replace":
                _ = Child(parent, last, path);
                Set(parent, last, value.DeepClone());
                break;
            case "remove":
                var target = Child(parent, last, path);
                if (parent is JObject)
                {
                    target.Parent!.Remove();
                }
                else
                {
                    target.Remove();
                }

                break;
            default:
                throw new JsonPatchException("`op` must be add, replace or remove.");
        }
    }

    private static List<string> Parse(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        if (path[0] != '/')
        {
            throw new JsonPatchException("`path` must be a JSON Pointer starting with '/', e.g. /config/base_url.");
        }

        return path[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static JToken Resolve(JToken root, IEnumerable<string> segments, string path)
    {
        var current = root;
        var walked = "";
        foreach (var segment in segments)
        {
            walked += "/" + segment;
            current = Child(current, segment, walked);
        }

        if (current is not JObject and not JArray)
        {
            throw new JsonPatchException($"{walked} is a {current.Type.ToString().ToLowerInvariant()}, not an object or array.");
        }

        return current;
    }

    private static JToken Child(JToken parent, string segment, string path)
    {
        switch (parent)
        {
            case JObject o when o.TryGetValue(segment, StringComparison.Ordinal, out var child):
                return child;
            case JArray a when int.TryParse(segment, out var index) && index >= 0 && index < a.Count:
                return a[index];
            default:
                throw new JsonPatchException($"{path} does not exist; `add` its parent first.");
        }
    }

    private static void Add(JToken parent, string segment, JToken value)
    {
        switch (parent)
        {
            case JObject o:
                o[segment] = value;
                break;
            case JArray a when segment == "-":
                a.Add(value);
                break;
            case JArray a when int.TryParse(segment, out var index) && index >= 0 && index <= a.Count:
                a.Insert(index, value);
                break;
            default:
                throw new JsonPatchException($"array index '{segment}' is out of range (use '-' to append).");
        }
    }

    private static void Set(JToken parent, string segment, JToken value)
    {
        if (parent is JObject o)
        {
            o[segment] = value;
        }
        else
        {
            ((JArray)parent)[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
    }
}

/// <summary>A patch the model sent that is malformed or does not fit the file; its message goes back to the model.</summary>
internal sealed class JsonPatchException(string message) : Exception(message);
