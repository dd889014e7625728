using System.Text.RegularExpressions;
using Truto.Plugins.Build.Sources;

namespace Truto.Plugins.Build.Extraction;

/// <summary>One operation placed in the IntegrationFile: its resource, its method name and its Truto path.</summary>
internal sealed record PlannedMethod(ApiOperation Operation, string Resource, string Name, string Path, bool IsItem, bool IsList);

/// <summary>
/// Groups operations into resources by their paths (not by tags, which are often too coarse or missing) and names
/// methods: list/get/create/update/delete by path and verb; actions (<c>/count</c>), singletons
/// (<c>/incidents/{id}/dedicated_channel</c>) and batch writes get canonical custom names, never <c>list_2</c>.
/// </summary>
internal static partial class ResourcePlanner
{
    private static readonly HashSet<string> ActionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "search", "merge", "validate", "start", "stop", "cancel", "retry", "scan", "ping", "test", "export",
        "import", "archive", "unarchive", "close", "open", "reopen", "attach", "detach", "redeem", "convert",
        "execute", "run", "preview", "copy", "sync", "refresh", "verify", "revoke", "regenerate", "resend", "submit",
        "approve", "reject", "duplicate", "move", "subscribe", "unsubscribe", "restore", "activate", "deactivate",
        "enable", "disable", "reset", "send", "upload", "download", "publish", "unpublish", "assign", "unassign",
        "snooze", "find", "lookup", "bulk", "batch", "fund", "purge", "reply", "tag", "untag", "block", "unblock",
    };

    public static IReadOnlyList<PlannedMethod> Plan(IReadOnlyList<ApiOperation> operations, string pathPrefix)
    {
        var relative = operations.Select(o => (Operation: o, Segments: Segments(o.Path, pathPrefix))).ToList();
        var knownPaths = new HashSet<string>(relative.Select(r => string.Join('/', r.Segments.Select(Shape))), StringComparer.OrdinalIgnoreCase);

        // Resource names, stable per collection path: the first path to claim a name keeps it.
        var namesByCollection = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<PlannedMethod>();
        var methodNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (operation, segments) in relative)
        {
            var key = operation.Method + " " + string.Join('/', segments.Select(Shape));
            if (!seen.Add(key))
            {
                continue; // the same verb and path twice (Postman variants of one request): keep the first
            }

            var resourceSegments = segments;
            string? suffix = null;
            var singleton = false;
            if (segments.Count >= 2 && !IsParam(segments[^1]))
            {
                var last = segments[^1];
                var prefix = segments.Take(segments.Count - 1).ToList();
                if (IsAction(last))
                {
                    suffix = last;
                }
                else if (IsSingular(last) && !HasChildren(knownPaths, segments) && (IsParam(prefix[^1]) || knownPaths.Contains(string.Join('/', prefix.Select(Shape)))))
                {
                    suffix = last;
                    singleton = true;
                }

                if (suffix is not null)
                {
                    resourceSegments = prefix;
                }
            }

            var isItem = resourceSegments.Count > 0 && IsParam(resourceSegments[^1]);
            var collection = isItem ? resourceSegments.Take(resourceSegments.Count - 1).ToList() : resourceSegments;
            var collectionKey = string.Join('/', collection.Select(Shape));
            if (!namesByCollection.TryGetValue(collectionKey, out var resource))
            {
                resource = ResourceNameCandidates(collection, knownPaths).FirstOrDefault(taken.Add)
                    ?? Snake(string.Join('_', collection.Select(s => s.Trim('{', '}'))));
                taken.Add(resource);
                namesByCollection[collectionKey] = resource;
            }

            var names = methodNames.TryGetValue(resource, out var existing) ? existing : methodNames[resource] = new HashSet<string>(StringComparer.Ordinal);
            var candidates = MethodCandidates(operation, relative.Where(r => r.Segments.SequenceEqual(segments)).Select(r => r.Operation.Method).ToList(), isItem && suffix is null, suffix, singleton)
                .Append(operation.OperationId is { } opId ? Snake(opId) : null)
                .Append(operation.Summary is { } summary ? Snake(summary) : null)
                .OfType<string>()
                .Where(n => n.Length > 0);
            var name = candidates.FirstOrDefault(names.Add) ?? Snake(operation.Method + "_" + string.Join('_', segments.Select(s => s.Trim('{', '}'))));
            names.Add(name);

            planned.Add(new PlannedMethod(operation, resource, name, TrutoPath(segments, isItem && suffix is null), isItem && suffix is null, !isItem && suffix is null && operation.Method == "get"));
        }

        return planned;
    }

    /// <summary>
    /// The path in Truto's form: <c>{{id}}</c> for the record of an item path; other (parent) parameters are passed
    /// by the caller as query parameters, so they read <c>{{query.name}}</c> in snake_case.
    /// </summary>
    private static string TrutoPath(IReadOnlyList<string> segments, bool isItem)
    {
        var rendered = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (!IsParam(segment))
            {
                rendered.Add(segment);
                continue;
            }

            var name = Snake(segment.Trim('{', '}'));
            if (isItem && i == segments.Count - 1)
            {
                name = "id";
            }
            else if (name == "id")
            {
                // A parent's "id" would clash with the record's {{id}}: name it after its collection.
                var parent = segments.Take(i).LastOrDefault(s => !IsParam(s));
                name = parent is null ? "parent_id" : Singular(Snake(parent)) + "_id";
            }

            rendered.Add(name == "id" ? "{{id}}" : "{{query." + name + "}}");
        }

        return "/" + string.Join('/', rendered);
    }

    private static IEnumerable<string?> MethodCandidates(ApiOperation operation, IReadOnlyList<string> verbsOnPath, bool isItem, string? suffix, bool singleton)
    {
        var verb = operation.Method;
        if (suffix is not null)
        {
            var action = Snake(suffix);
            var crudVerb = verb switch { "get" => "get", "post" => "create", "put" or "patch" => "update", "delete" => "delete", _ => verb };
            if (singleton)
            {
                yield return crudVerb + "_" + action;
            }
            else
            {
                yield return action;
                yield return crudVerb + "_" + action;
            }

            yield break;
        }

        if (isItem)
        {
            yield return verb switch
            {
                "get" => "get",
                "put" => "update",
                "patch" => verbsOnPath.Contains("put") ? "partial_update" : "update",
                "delete" => "delete",
                "head" => "exists",
                _ => null,
            };
        }
        else
        {
            yield return verb switch
            {
                "get" => "list",
                "post" => "create",
                "put" => "batch_update",
                "patch" => verbsOnPath.Contains("put") ? "batch_partial_update" : "batch_update",
                "delete" => "batch_delete",
                "head" => "exists",
                _ => null,
            };
        }
    }

    private static IEnumerable<string> ResourceNameCandidates(IReadOnlyList<string> collection, HashSet<string> knownPaths)
    {
        var statics = collection.Select((s, i) => (Segment: s, Index: i)).Where(s => !IsParam(s.Segment) && !IsVersion(s.Segment)).ToList();
        if (statics.Count == 0)
        {
            yield return "root";
            yield break;
        }

        var last = Snake(statics[^1].Segment);
        if (statics.Count >= 2)
        {
            var parent = statics[^2];
            var nested = parent.Index < statics[^1].Index - 1; // a parameter between: /lists/{id}/contacts
            var parentIsResource = knownPaths.Contains(string.Join('/', collection.Take(parent.Index + 1).Select(Shape)));
            if (nested || parentIsResource)
            {
                yield return Singular(Snake(parent.Segment)) + "_" + last;
            }
        }

        yield return last;
        yield return Snake(string.Join('_', statics.Select(s => s.Segment)));
    }

    private static bool HasChildren(HashSet<string> knownPaths, IReadOnlyList<string> segments)
    {
        var prefix = string.Join('/', segments.Select(Shape)) + "/";
        return knownPaths.Any(p => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAction(string segment)
    {
        var words = Snake(segment).Split('_');
        return ActionWords.Contains(words[0]) || segment.StartsWith("validate", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSingular(string segment)
    {
        var word = Snake(segment).Split('_')[^1];
        return !word.EndsWith('s') || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word is "status" or "settings" or "details" or "stats" or "statistics";
    }

    public static bool IsParam(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    private static bool IsVersion(string segment) => VersionPattern().IsMatch(segment);

    /// <summary>Parameters all look alike for grouping: /users/{id} and /users/{user_id} are the same path.</summary>
    /// Versions do not split a resource either: /v1/accounts and /v2/accounts are one.
    private static string Shape(string segment) => IsParam(segment) ? "{}" : IsVersion(segment) ? "" : segment.ToLowerInvariant();

    private static List<string> Segments(string path, string prefix)
    {
        var relative = prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
        return relative.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    public static string Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) ? word[..^1]
        : word;

    /// <summary>snake_case: camelCase, kebab-case, spaces and punctuation all become single underscores.</summary>
    public static string Snake(string text)
    {
        var spaced = CamelBoundary().Replace(text.Trim(), "$1_$2");
        return NonWord().Replace(spaced.ToLowerInvariant(), "_").Trim('_');
    }

    [GeneratedRegex(@"^v\d+(\.\d+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
