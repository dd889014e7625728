using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Apply;

/// <summary>
/// An IntegrationFile (<c>&lt;slug&gt;.integration.json</c>) read as JSON, with typed views of the parts apply and lint
/// use. Deliberately not a full model: unknown fields pass through untouched, so a file written by a newer build
/// still applies.
/// </summary>
internal sealed class IntegrationFileJson
{
    /// <summary>Documentation row types that stay in the file and are never pushed.</summary>
    public static readonly IReadOnlySet<string> LocalOnlyDocumentationTypes = new HashSet<string>(StringComparer.Ordinal) { "note", "end_user_guide" };

    /// <summary>Row types that describe one method and so need <c>resource</c> and <c>method</c>.</summary>
    public static readonly IReadOnlySet<string> PerMethodDocumentationTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "description", "query_schema", "body_schema", "response_schema",
    };

    public IntegrationFileJson(JObject root, string source)
    {
        Root = root;
        Source = source;
    }

    /// <summary>The whole file.</summary>
    public JObject Root { get; }

    /// <summary>Where it came from: the path, or the slug for a live integration.</summary>
    public string Source { get; }

    public string? Id => Text(Root["id"]);

    public string? Name => Text(Root["name"]);

    public JObject? Config => Root["config"] as JObject;

    public JObject? Resources => Config?["resources"] as JObject;

    /// <summary>Every method of every resource, in file order.</summary>
    public IEnumerable<IntegrationMethod> Methods =>
        from resource in Resources?.Properties() ?? []
        where resource.Value is JObject
        from method in ((JObject)resource.Value).Properties()
        where method.Value is JObject
        select new IntegrationMethod(resource.Name, method.Name, (JObject)method.Value);

    /// <summary>The documentation rows (objects only; the validator reports anything else).</summary>
    public IReadOnlyList<JObject> DocumentationRows => (Root["documentation"] as JArray)?.OfType<JObject>().ToList() ?? [];

    /// <summary>
    /// Reads and parses <paramref name="path"/>. Throws <see cref="IntegrationFileException"/> for a missing file, a
    /// folder, unreadable bytes, or JSON that does not parse or is not an object (the message names line and column).
    /// </summary>
    public static IntegrationFileJson Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IntegrationFileException($"{path} is a folder, not an IntegrationFile", "Name the <slug>.integration.json file inside it.");
        }

        if (!File.Exists(path))
        {
            throw new IntegrationFileException($"{path} does not exist", "Check the path; 'truto integrations build' writes <slug>.integration.json.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IntegrationFileException($"cannot read {path}: {e.Message}", "Check the file's permissions.");
        }

        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                throw new JsonReaderException($"unexpected content after the JSON document at line {reader.LineNumber}, position {reader.LinePosition}");
            }
        }
        catch (JsonReaderException e)
        {
            throw new IntegrationFileException($"{path} is not valid JSON: {e.Message}", "Fix the JSON (a trailing comma or a missing quote, usually) and run the command again.");
        }

        return token is JObject root
            ? new IntegrationFileJson(root, path)
            : throw new IntegrationFileException($"{path} holds a JSON {token.Type.ToString().ToLowerInvariant()}, not an object", "An IntegrationFile is one JSON object with name and config.");
    }

    /// <summary>A string value, or null for anything else (a number is not a slug).</summary>
    public static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    /// <summary>A documentation row's content as the API stores it: a string (booleans and numbers in their JSON spelling).</summary>
    public static string? Content(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => (string?)value,
        JValue { Type: JTokenType.Boolean or JTokenType.Integer or JTokenType.Float } value => value.ToString(Formatting.None),
        _ => null,
    };
}

/// <summary>One method of one resource: <c>config.resources.&lt;Resource&gt;.&lt;Name&gt;</c>.</summary>
internal sealed record IntegrationMethod(string Resource, string Name, JObject Config)
{
    public string Path => $"config.resources.{Resource}.{Name}";

    public string? HttpMethod => IntegrationFileJson.Text(Config["method"]);

    public string? UrlPath => IntegrationFileJson.Text(Config["path"]);
}

/// <summary>The file could not be read as an IntegrationFile; each command decides the exit code.</summary>
internal sealed class IntegrationFileException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}
