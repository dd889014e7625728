using JsonElement = System.Text.Json.JsonElement;
using JsonSerializer = System.Text.Json.JsonSerializer;
using Anthropic.Models.Messages;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Plugins.Build.Sources;

namespace Truto.Plugins.Build.Refinement;

/// <summary>What one tool call produced: the text for the model, whether it is an error, and whether the run ends.</summary>
internal sealed record ToolOutcome(string Content, bool IsError, string? FinishedSummary = null, string? Step = null);

/// <summary>
/// The agent's tools over the sources and the working file. Every failure (unknown tool, missing argument, bad patch,
/// an exception from the source index) becomes an error result for the model to read and correct; none escapes.
/// </summary>
internal sealed class AgentTools
{
    private const int MaxSearchResults = 10;
    private const int MaxToolText = 24_000;

    private readonly ISourceIndex _sources;
    private readonly bool _requireCleanValidation;

    public AgentTools(JObject integration, ISourceIndex sources, bool requireCleanValidation)
    {
        Working = integration;
        _sources = sources;
        _requireCleanValidation = requireCleanValidation;
    }

    /// <summary>The working file with every accepted patch applied.</summary>
    public JObject Working { get; private set; }

    /// <summary>Patches applied so far.</summary>
    public int PatchesApplied { get; private set; }

    public static IReadOnlyList<ToolUnion> Definitions { get; } =
    [
        Define("read_source_overview", "The sources' overview: title, servers, auth schemes, resource groups, and every operation id with method, path and summary.", new { }),
        Define("read_source_method", "One source operation in full: parameters, request and response schemas, description.",
            new { id = Text("An operation id from read_source_overview or search_source.") }, "id"),
        Define("search_source", "Searches the sources' text; the best passages first.",
            new { query = Text("Words to look for, e.g. 'pagination cursor' or 'rate limit'."), max_results = new { type = "integer", minimum = 1, maximum = MaxSearchResults } }, "query"),
        Define("read_current", "The working IntegrationFile as JSON, whole or at one JSON Pointer.",
            new { path = Text("Optional JSON Pointer, e.g. /config/resources/contacts. Omit for the whole file.") }),
        Define("validate_integration", "Checks the working file against the build-complete checklist; returns findings with severity, path and message.", new { }),
        Define("apply_patch", "Changes the working file with RFC 6902 JSON Patch operations (add, replace, remove; JSON Pointer paths; '-' appends to an array). All operations apply or none.",
            new
            {
                operations = new
                {
                    type = "array",
                    minItems = 1,
                    items = new
                    {
                        type = "object",
                        properties = new { op = new { type = "string", @enum = new[] { "add", "replace", "remove" } }, path = Text("JSON Pointer, e.g. /config/base_url"), value = new { description = "The new value (add, replace)." } },
                        required = new[] { "op", "path" },
                    },
                },
                reason = Text("One line: why this change."),
            }, "operations"),
        Define("finish", "Ends the run when the file is complete: call validate_integration first; refused while errors or method_naming findings remain.",
            new { summary = Text("What you changed and anything left for a human to check.") }, "summary"),
    ];

    public ToolOutcome Run(string name, JObject input)
    {
        try
        {
            return name switch
            {
                "read_source_overview" => Ok(Overview()),
                "read_source_method" => ReadMethod(Required(input, "id")),
                "search_source" => Search(Required(input, "query"), input["max_results"]?.Type == JTokenType.Integer ? (int)input["max_results"]! : 5),
                "read_current" => ReadCurrent(input["path"]?.ToString()),
                "validate_integration" => Ok(Findings(IntegrationValidator.Validate(Working))),
                "apply_patch" => ApplyPatch(input),
                "finish" => Finish(Required(input, "summary")),
                _ => Fail($"Unknown tool `{name}`. The tools are: {string.Join(", ", Definitions.Select(d => d.TryPickTool(out var t) ? t.Name : ""))}."),
            };
        }
        catch (MissingArgumentException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failing source index or a bug in a tool: the model hears of it and can try something else.
            return Fail($"The tool `{name}` failed: {e.Message}");
        }
    }

    private string Overview()
    {
        var methods = _sources.Methods.Select(m => $"- {m.Id}: {m.HttpMethod} {m.Path}{(m.Summary is null ? "" : " - " + m.Summary)}");
        return $"{_sources.Overview()}\n\nOperations ({_sources.Methods.Count}):\n{string.Join('\n', methods)}";
    }

    private ToolOutcome ReadMethod(string id) =>
        _sources.ReadMethod(id) is { } text
            ? Ok(text)
            : Fail($"No source operation has id `{id}`. Use read_source_overview or search_source to find ids.");

    private ToolOutcome Search(string query, int maxResults)
    {
        var hits = _sources.Search(query, Math.Clamp(maxResults, 1, MaxSearchResults));
        return Ok(hits.Count == 0
            ? $"Nothing in the sources matches `{query}`."
            : string.Join("\n\n", hits.Select(h => $"[{h.Id}] (score {h.Score:0.###})\n{h.Snippet}")));
    }

    private ToolOutcome ReadCurrent(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return Ok(Working.ToString(Formatting.Indented));
        }

        var token = Working.SelectToken(PointerToJsonPath(path));
        return token is null ? Fail($"{path} does not exist in the working file.") : Ok(token.ToString(Formatting.Indented));
    }

    private ToolOutcome ApplyPatch(JObject input)
    {
        try
        {
            Working = JsonPatch.Apply(Working, input["operations"]);
        }
        catch (JsonPatchException e)
        {
            return Fail(e.Message, "patch rejected");
        }

        PatchesApplied++;
        var findings = IntegrationValidator.Validate(Working);
        var count = ((JArray)input["operations"]!).Count;
        return new ToolOutcome(
            $"Applied {count} operation(s). Validation now: {findings.Count(f => f.Severity == "error")} error(s), {findings.Count(f => f.Severity == "warn")} warning(s).",
            false,
            Step: $"patch applied ({count} operation(s)){(input["reason"] is { } reason ? ": " + reason : "")}");
    }

    private ToolOutcome Finish(string summary)
    {
        var blocking = IntegrationValidator.Validate(Working).Where(f => f.BlocksCompletion).ToList();
        if (_requireCleanValidation && blocking.Count > 0)
        {
            return Fail($"Not finished: fix these first.\n{Findings(blocking)}", "finish refused");
        }

        return new ToolOutcome("Finished.", false, summary);
    }

    private static string Findings(IReadOnlyList<ValidationFinding> findings) =>
        findings.Count == 0
            ? "No findings: the file meets the checklist."
            : string.Join('\n', findings.Select(f => $"{f.Severity} [{f.Source}] {f.Path}: {f.Message}"));

    private static string Required(JObject input, string name) =>
        input[name] is { Type: JTokenType.String } value && ((string)value!).Length > 0
            ? (string)value!
            : throw new MissingArgumentException($"The argument `{name}` is required and must be a non-empty string.");

    /// <summary>A JSON Pointer as a Newtonsoft JSONPath: /a/b~1c/0 -> $['a']['b/c'][0].</summary>
    private static string PointerToJsonPath(string pointer)
    {
        if (!pointer.StartsWith('/'))
        {
            throw new MissingArgumentException("`path` must be a JSON Pointer starting with '/'.");
        }

        var parts = pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        return "$" + string.Concat(parts.Select(p => int.TryParse(p, out var i) ? $"[{i}]" : $"['{p.Replace("'", "\\'", StringComparison.Ordinal)}']"));
    }

    private static ToolOutcome Ok(string text) => new(Truncate(text), false);

    private static ToolOutcome Fail(string text, string? step = null) => new(Truncate(text), true, Step: step ?? "tool error");

    private static string Truncate(string text) => text.Length <= MaxToolText ? text : text[..MaxToolText] + "\n[truncated]";

    private static JsonElement Text(string description) => JsonSerializer.SerializeToElement(new { type = "string", description });

    private static ToolUnion Define(string name, string description, object properties, params string[] required) =>
        new Tool
        {
            Name = name,
            Description = description,
            InputSchema = new InputSchema
            {
                Properties = JsonSerializer.SerializeToElement(properties).EnumerateObject().ToDictionary(p => p.Name, p => p.Value),
                Required = required,
            },
        };

    private sealed class MissingArgumentException(string message) : Exception(message);
}
