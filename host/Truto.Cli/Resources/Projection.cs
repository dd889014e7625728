using Newtonsoft.Json.Linq;

namespace Truto.Cli.Resources;

/// <summary>Keeps only the named fields of a record; a dotted path keeps the nested field in its place.</summary>
internal static class Projection
{
    public static JObject Keep(JObject record, IEnumerable<string> paths)
    {
        var kept = new JObject();
        foreach (var path in paths)
        {
            var segments = path.Split('.');
            JToken? value = record;
            foreach (var segment in segments)
            {
                value = (value as JObject)?[segment];
            }

            if (value is null)
            {
                continue;
            }

            var target = kept;
            foreach (var segment in segments[..^1])
            {
                if (target[segment] is not JObject child)
                {
                    child = new JObject();
                    target[segment] = child;
                }

                target = child;
            }

            target[segments[^1]] = value.DeepClone();
        }

        return kept;
    }
}
