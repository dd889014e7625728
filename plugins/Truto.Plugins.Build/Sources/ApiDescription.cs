using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Sources;

/// <summary>What kind of source a file or URL turned out to be, by content. Lower values are higher fidelity.</summary>
internal enum SourceKind
{
    OpenApi = 0,
    Postman = 1,
    Docs = 2,
}

/// <summary>
/// One loaded source, normalised: OpenAPI/Swagger and Postman both become operations with resolved JSON schemas,
/// doc pages become text. Deterministic extraction and <see cref="ISourceIndex"/> both read this.
/// </summary>
internal sealed class ApiDescription
{
    public required string Origin { get; init; }

    public required SourceKind Kind { get; init; }

    /// <summary>"OpenAPI 3.1", "Swagger 2.0", "Postman v2.1", "markdown"...</summary>
    public required string Format { get; init; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<ApiServer> Servers { get; } = [];

    /// <summary>Auth schemes in the order the source prefers them (the first global requirement first).</summary>
    public List<AuthScheme> AuthSchemes { get; } = [];

    /// <summary>True when the source lets requests go without credentials (an empty security requirement).</summary>
    public bool AuthOptional { get; set; }

    public List<ApiOperation> Operations { get; } = [];

    /// <summary>Constant request headers the source sends on (nearly) every request, auth excluded.</summary>
    public Dictionary<string, string> CommonHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Doc pages (markdown text), for docs sources and for descriptions worth searching.</summary>
    public List<DocPage> Pages { get; } = [];

    public List<string> Warnings { get; } = [];
}

internal sealed record ApiServer(string Url, IReadOnlyDictionary<string, ServerVariable> Variables, string? Description);

internal sealed record ServerVariable(string? Default, string? Description);

/// <param name="Type">apiKey, http, oauth2, openIdConnect.</param>
/// <param name="Scheme">For http: bearer or basic.</param>
/// <param name="In">For apiKey: header, query or cookie.</param>
/// <param name="Name">For apiKey: the header or query parameter name.</param>
/// <param name="ValuePrefix">For apiKey: text before the key in the value (PagerDuty's <c>Token token=</c>), from the description.</param>
internal sealed record AuthScheme(string Id, string Type, string? Scheme, string? In, string? Name, string? Description, string? ValuePrefix, JObject? Flows);

internal sealed class ApiOperation
{
    public required string Id { get; init; }

    /// <summary>Lower-case HTTP verb.</summary>
    public required string Method { get; init; }

    /// <summary>The path with <c>{param}</c> placeholders, relative to the base URL.</summary>
    public required string Path { get; set; }

    public string? OperationId { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public bool Deprecated { get; init; }

    public List<ApiParameter> Parameters { get; } = [];

    /// <summary>The JSON request body schema, $refs resolved, or null.</summary>
    public JObject? RequestBody { get; set; }

    /// <summary>The schema of the first 2xx JSON response, $refs resolved, or null.</summary>
    public JObject? ResponseBody { get; set; }

    /// <summary>Header names the 2xx responses declare (Link, X-Total-Count...).</summary>
    public List<string> ResponseHeaders { get; } = [];

    /// <summary>Non-2xx status codes documented (429 hints at rate limits).</summary>
    public List<string> ErrorStatuses { get; } = [];

    /// <summary>A server URL for this operation only, when it differs from the API's.</summary>
    public string? ServerOverride { get; set; }

    public List<string> Tags { get; } = [];
}

/// <param name="In">query, path, header or cookie.</param>
internal sealed record ApiParameter(string Name, string In, bool Required, string? Description, JObject? Schema);

internal sealed record DocPage(string Origin, string Title, string Text);
