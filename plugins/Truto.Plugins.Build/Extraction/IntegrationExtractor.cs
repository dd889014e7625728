using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Truto.Plugins.Build.Sources;

namespace Truto.Plugins.Build.Extraction;

/// <summary>
/// The deterministic half of <c>integrations build</c>: turns the primary structured source (plus context from the
/// others) into an IntegrationFile. Everything here is a function of the sources: no network, no key, no LLM.
/// </summary>
internal static partial class IntegrationExtractor
{
    public static JObject Extract(IReadOnlyList<ApiDescription> sources, string? slug)
    {
        var primary = sources.OrderBy(s => s.Kind).First();
        var notes = new JArray();
        var (baseUrl, connectionFields) = BaseUrl(primary, notes);
        var pathPrefix = CommonVersionPrefix(primary.Operations);
        if (pathPrefix.Length > 0)
        {
            baseUrl = baseUrl.TrimEnd('/') + pathPrefix;
        }

        var name = slug ?? DeriveSlug(primary, baseUrl);
        var label = DeriveLabel(primary, baseUrl, name);
        var (credentials, authorization) = Auth(primary, connectionFields, notes);
        var planned = ResourcePlanner.Plan(primary.Operations, pathPrefix);
        var (pagination, perMethod) = Pagination(planned);
        var resources = new JObject();
        foreach (var group in planned.GroupBy(p => p.Resource))
        {
            var methods = new JObject();
            foreach (var method in group)
            {
                var config = new JObject { ["method"] = method.Operation.Method, ["path"] = method.Path };
                if (method.Operation.ServerOverride is { } server)
                {
                    config["base_url"] = Placeholders(server.TrimEnd('/')) + pathPrefix;
                }

                if (method.IsList && ResponsePath(method.Operation.ResponseBody) is { } responsePath)
                {
                    config["response_path"] = responsePath;
                }

                if (perMethod.TryGetValue(method, out var own) && !JToken.DeepEquals(own, pagination))
                {
                    config["pagination"] = own;
                }

                if (method.Operation.Deprecated)
                {
                    notes.Add(Note("info", "resources", $"{method.Operation.Method.ToUpperInvariant()} {method.Operation.Path} is deprecated in the source", group.Key, method.Name));
                }

                methods[method.Name] = config;
            }

            resources[group.Key] = methods;
        }

        var integrationConfig = new JObject
        {
            ["label"] = label,
            ["base_url"] = baseUrl,
            ["headers"] = Headers(primary),
            ["credentials"] = credentials,
            ["authorization"] = authorization,
        };
        if (pagination is not null)
        {
            integrationConfig["pagination"] = pagination;
        }

        if (RateLimit(sources, notes) is { } rateLimit)
        {
            integrationConfig["rate_limit"] = rateLimit;
        }

        integrationConfig["resources"] = resources;

        foreach (var warning in sources.SelectMany(s => s.Warnings).Take(50))
        {
            notes.Add(Note("warn", "basicDetails", warning));
        }

        return new JObject
        {
            ["name"] = name,
            ["label"] = label,
            ["category"] = GuessCategory(primary),
            ["sharing"] = "ask",
            ["config"] = integrationConfig,
            ["documentation"] = Documentation(sources, primary, planned, label, baseUrl, authorization),
            ["audit_notes"] = notes,
        };
    }

    private static JObject Note(string severity, string section, string message, string? resource = null, string? method = null)
    {
        var note = new JObject { ["severity"] = severity, ["section"] = section, ["source"] = "build_extraction" };
        if (resource is not null)
        {
            note["resource"] = resource;
        }

        if (method is not null)
        {
            note["method"] = method;
        }

        note["message"] = message;
        return note;
    }

    // ---- base URL and connection variables ----

    private static (string BaseUrl, List<JObject> Fields) BaseUrl(ApiDescription api, JArray notes)
    {
        var fields = new List<JObject>();
        var server = api.Servers.FirstOrDefault(s => s.Url.StartsWith("https", StringComparison.OrdinalIgnoreCase)) ?? api.Servers.FirstOrDefault();
        if (server is null || server.Url.Length == 0)
        {
            notes.Add(Note("warn", "baseUrl", "the source names no server; base_url is a connection variable"));
            fields.Add(Field("base_url", "Base URL", "text", "The API's base URL, e.g. https://api.example.com"));
            return ("{{base_url}}", fields);
        }

        var url = server.Url.TrimEnd('/');
        foreach (var (variable, value) in server.Variables)
        {
            fields.Add(Field(variable, Humanize(variable), "text", value.Description ?? $"The {Humanize(variable).ToLowerInvariant()} of your account" + (value.Default is { Length: > 0 } d && d != variable ? $" (default {d})" : "")));
        }

        // A server on localhost, an example domain or with no host is a self-hosted product: the user's instance URL.
        var match = OriginPattern().Match(url);
        if (!match.Success && !url.StartsWith("{{", StringComparison.Ordinal))
        {
            url = "{{instance_url}}" + (url.StartsWith('/') ? url : "/" + url);
            fields.Add(Field("instance_url", "Instance URL", "text", "The URL of your instance, e.g. https://example.com"));
            notes.Add(Note("info", "baseUrl", "the source names no host: base_url starts with the user's instance URL"));
        }
        else if (match.Success && SelfHostedHostPattern().IsMatch(match.Groups["host"].Value))
        {
            url = "{{instance_url}}" + url[match.Length..];
            fields.Add(Field("instance_url", "Instance URL", "text", $"The URL of your {api.Title ?? "server"} instance, e.g. https://{Slugify(api.Title ?? "app")}.example.com"));
            notes.Add(Note("info", "baseUrl", $"the source's host ({match.Groups["host"].Value}) is a placeholder of a self-hosted product: base_url starts with the user's instance URL"));
        }

        url = Placeholders(url);
        foreach (Match variable in DoubleBracePattern().Matches(url))
        {
            var fieldName = variable.Groups[1].Value;
            if (fields.All(f => (string?)f["name"] != fieldName))
            {
                fields.Add(Field(fieldName, Humanize(fieldName), "text", $"The {Humanize(fieldName).ToLowerInvariant()} of your account"));
            }
        }

        return (url, fields);
    }

    /// <summary>OpenAPI's {var} becomes truto's {{var}}; Postman's {{var}} stays.</summary>
    private static string Placeholders(string url) => SingleBracePattern().Replace(url, "{{$1}}");

    private static string CommonVersionPrefix(IReadOnlyList<ApiOperation> operations)
    {
        if (operations.Count == 0)
        {
            return "";
        }

        var firsts = operations.Select(o => o.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "").Distinct().ToList();
        return firsts.Count == 1 && VersionSegmentPattern().IsMatch(firsts[0]) && operations.All(o => o.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length > 1) ? "/" + firsts[0] : "";
    }

    // ---- credentials and authorization ----

    private static (JObject Credentials, JObject Authorization) Auth(ApiDescription api, List<JObject> connectionFields, JArray notes)
    {
        var scheme = api.AuthSchemes.FirstOrDefault(s => s.Type is "apiKey" or "http" or "oauth2" or "openIdConnect");
        foreach (var alternative in api.AuthSchemes.Where(s => s != scheme))
        {
            notes.Add(Note("info", "auth", $"the source also offers '{alternative.Id}' ({alternative.Type}{(alternative.Scheme is null ? "" : " " + alternative.Scheme)}); the file uses '{scheme?.Id}'"));
        }

        if (api.AuthOptional)
        {
            notes.Add(Note("info", "auth", "the source makes authentication optional (an empty security requirement); the file always sends credentials"));
        }

        JObject format;
        JObject authorization;
        switch (scheme)
        {
            case { Type: "apiKey" }:
                var prefix = scheme.ValuePrefix ?? "";
                format = new JObject { ["type"] = "api_key", ["label"] = "API key", ["fields"] = new JArray(Field("api_key", "API key", "password", scheme.Description)) };
                var location = scheme.In?.ToLowerInvariant() == "query" ? "query" : "header";
                authorization = new JObject
                {
                    ["format"] = location,
                    ["config"] = new JObject { [location == "query" ? "query" : "headers"] = new JObject { [scheme.Name ?? "Authorization"] = prefix + "{{api_key}}" } },
                };
                break;
            case { Type: "http", Scheme: "basic" }:
                format = new JObject { ["type"] = "basic", ["label"] = "Username and password", ["fields"] = new JArray(Field("username", "Username", "text", null), Field("password", "Password", "password", null)) };
                authorization = new JObject { ["format"] = "basic", ["config"] = new JObject { ["username"] = "{{username}}", ["password"] = "{{password}}" } };
                break;
            case { Type: "oauth2" or "openIdConnect" }:
                var flow = (scheme.Flows?.Properties().FirstOrDefault(p => p.Name == "authorizationCode") ?? scheme.Flows?.Properties().FirstOrDefault())?.Value;
                format = new JObject
                {
                    ["type"] = "oauth2",
                    ["label"] = "OAuth 2.0",
                    ["fields"] = new JArray(Field("client_id", "Client ID", "text", null), Field("client_secret", "Client secret", "password", null)),
                    ["config"] = new JObject
                    {
                        ["authorize_url"] = flow?["authorizationUrl"],
                        ["token_url"] = flow?["tokenUrl"],
                        ["scopes"] = new JArray((flow?["scopes"] as JObject ?? []).Properties().Select(p => p.Name)),
                    },
                };
                authorization = new JObject { ["format"] = "bearer", ["config"] = new JObject { ["token"] = "{{oauth.token.access_token}}" } };
                break;
            case { Type: "http" }:
                format = new JObject { ["type"] = "api_key", ["label"] = "API key (bearer token)", ["fields"] = new JArray(Field("api_key", "API key", "password", scheme.Description)) };
                authorization = new JObject { ["format"] = "bearer", ["config"] = new JObject { ["token"] = "{{api_key}}" } };
                break;
            default:
                notes.Add(Note("warn", "auth", "the source declares no authentication; credentials assume an API key sent as a bearer token"));
                format = new JObject { ["type"] = "api_key", ["label"] = "API key", ["fields"] = new JArray(Field("api_key", "API key", "password", null)) };
                authorization = new JObject { ["format"] = "bearer", ["config"] = new JObject { ["token"] = "{{api_key}}" } };
                break;
        }

        foreach (var field in connectionFields)
        {
            ((JArray)format["fields"]!).Add(field);
        }

        return (new JObject { ["formats"] = new JArray(format) }, authorization);
    }

    private static JObject Field(string name, string label, string type, string? description)
    {
        var field = new JObject { ["name"] = name, ["label"] = label, ["type"] = type, ["required"] = true };
        if (description is { Length: > 0 })
        {
            field["help_text"] = description.Length > 300 ? description[..300].TrimEnd() + "…" : description;
        }

        return field;
    }

    // ---- headers ----

    private static JObject Headers(ApiDescription api)
    {
        var headers = new JObject { ["Accept"] = "application/json", ["Content-Type"] = "application/json", ["User-Agent"] = "Truto" };
        foreach (var (key, value) in api.CommonHeaders.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            headers[key] = value;
        }

        return headers;
    }

    // ---- pagination ----

    private static readonly string[] CursorParams = ["cursor", "page_token", "pagetoken", "next_cursor", "next_page_token", "starting_after", "continuation_token", "page_after"];

    // Weak cursor names: when a list also takes page or offset, those describe its paging (BigCommerce's before/after).
    private static readonly string[] WeakCursorParams = ["after", "next", "from_id", "since_id"];
    private static readonly string[] OffsetParams = ["offset", "skip", "start"];
    private static readonly string[] PageParams = ["page", "page_number", "pagenumber", "page_num"];
    private static readonly string[] LimitParams = ["limit", "page_size", "pagesize", "per_page", "perpage", "size", "count", "max_results", "maxresults", "top"];

    private static (JObject? Integration, Dictionary<PlannedMethod, JObject> PerMethod) Pagination(IReadOnlyList<PlannedMethod> planned)
    {
        var perMethod = new Dictionary<PlannedMethod, JObject>();
        foreach (var method in planned.Where(p => p.IsList))
        {
            if (DetectPagination(method.Operation) is { } detected)
            {
                perMethod[method] = detected;
            }
        }

        // The integration's style is the most common format; its config the most common one of that format.
        var format = perMethod.Values.GroupBy(p => (string?)p["format"]).OrderByDescending(g => g.Count()).FirstOrDefault();
        var common = format?
            .GroupBy(p => p.ToString(Newtonsoft.Json.Formatting.None))
            .OrderByDescending(g => g.Count())
            .First().First();
        return (common?.DeepClone() as JObject, perMethod);
    }

    private static JObject? DetectPagination(ApiOperation operation)
    {
        var query = operation.Parameters.Where(p => p.In == "query").Select(p => p.Name).ToList();
        string? Find(string[] names) => query.FirstOrDefault(q => names.Contains(q.ToLowerInvariant().Replace("-", "_")));
        var limit = Find(LimitParams);
        var offset = Find(OffsetParams);
        var page = Find(PageParams);
        var cursor = Find(CursorParams) ?? (offset is null && page is null ? Find(WeakCursorParams) : null);

        JObject Config(params (string Key, string? Value)[] entries)
        {
            var config = new JObject();
            foreach (var (key, value) in entries.Where(e => e.Value is not null))
            {
                config[key] = value;
            }

            return config;
        }

        if (operation.ResponseHeaders.Any(h => h.Equals("Link", StringComparison.OrdinalIgnoreCase)))
        {
            return new JObject { ["format"] = "link_header", ["config"] = Config(("limit_query_param", limit)) };
        }

        var fields = FieldPaths(operation.ResponseBody).ToList();
        if (cursor is not null)
        {
            var nextUrl = fields.FirstOrDefault(f => NextUrlPattern().IsMatch(f));
            var nextCursor = fields.FirstOrDefault(f => NextCursorPattern().IsMatch(f)) ?? nextUrl;
            var config = Config(("cursor_query_param", cursor), ("cursor_field", nextCursor), ("limit_query_param", limit));
            if (nextCursor is not null && nextCursor == nextUrl)
            {
                config["cursor_is_url"] = true; // the body gives the next page as a URL (SendGrid's _metadata.next)
            }

            return new JObject { ["format"] = "cursor", ["config"] = config };
        }

        if (offset is not null)
        {
            return new JObject
            {
                ["format"] = "offset",
                ["config"] = Config(("offset_query_param", offset), ("limit_query_param", limit), ("has_more_field", fields.FirstOrDefault(f => HasMorePattern().IsMatch(f))), ("total_field", fields.FirstOrDefault(f => TotalPattern().IsMatch(f)))),
            };
        }

        if (page is not null)
        {
            return new JObject
            {
                ["format"] = "page",
                ["config"] = Config(("page_query_param", page), ("limit_query_param", limit), ("total_pages_field", fields.FirstOrDefault(f => TotalPagesPattern().IsMatch(f)))),
            };
        }

        if (fields.FirstOrDefault(f => NextUrlPattern().IsMatch(f)) is { } next)
        {
            return new JObject { ["format"] = "cursor", ["config"] = new JObject { ["cursor_field"] = next, ["cursor_is_url"] = true } };
        }

        return null;
    }

    /// <summary>Dotted paths of the object properties of a response (through allOf/oneOf), three levels deep.</summary>
    private static IEnumerable<string> FieldPaths(JObject? schema, string prefix = "", int depth = 0)
    {
        if (schema is null || depth > 3)
        {
            yield break;
        }

        foreach (var (name, property) in Properties(schema))
        {
            var path = prefix + name;
            yield return path;
            if (property is JObject child && JsonSchemas.TypeOf(child) != "array")
            {
                foreach (var nested in FieldPaths(child, path + ".", depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<(string Name, JToken Schema)> Properties(JObject schema)
    {
        foreach (var property in (schema["properties"] as JObject ?? []).Properties())
        {
            yield return (property.Name, property.Value);
        }

        foreach (var composite in new[] { "allOf", "oneOf", "anyOf" })
        {
            foreach (var part in (schema[composite] as JArray ?? []).OfType<JObject>())
            {
                foreach (var property in Properties(part))
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>Where a list response keeps its records: the one array property (data, result, slack_connections...).</summary>
    private static string? ResponsePath(JObject? schema)
    {
        if (schema is null || JsonSchemas.TypeOf(schema) == "array")
        {
            return null;
        }

        var arrays = Properties(schema).Where(p => p.Schema is JObject s && JsonSchemas.TypeOf(s) == "array").Select(p => p.Name).Distinct().ToList();
        return arrays.Count == 1 ? arrays[0] : arrays.FirstOrDefault(a => a is "data" or "results" or "result" or "items" or "records");
    }

    // ---- rate limits ----

    private static JObject? RateLimit(IReadOnlyList<ApiDescription> sources, JArray notes)
    {
        var evidence = new List<string>();
        var operations = sources.SelectMany(s => s.Operations).ToList();
        var with429 = operations.Count(o => o.ErrorStatuses.Contains("429"));
        if (with429 > 0)
        {
            evidence.Add($"{with429} operation(s) document a 429 response");
        }

        var headerNames = operations.SelectMany(o => o.ResponseHeaders).Where(h => RateHeaderPattern().IsMatch(h)).ToList();
        foreach (var page in sources.SelectMany(s => s.Pages).Concat(sources.Where(s => s.Description is not null).Select(s => new DocPage(s.Origin, "", s.Description!))))
        {
            if (page.Text.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || page.Text.Contains("429", StringComparison.Ordinal))
            {
                var found = RateHeaderPattern().Matches(page.Text).Select(m => m.Value).ToList();
                headerNames.AddRange(found);
                evidence.Add($"{page.Origin} describes rate limiting" + (found.Count > 0 ? $" ({string.Join(", ", found.Distinct(StringComparer.OrdinalIgnoreCase))})" : ""));
            }
        }

        if (evidence.Count == 0)
        {
            return null;
        }

        var distinct = headerNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var reset = distinct.FirstOrDefault(h => h.Contains("reset", StringComparison.OrdinalIgnoreCase)) ?? distinct.FirstOrDefault(h => h.Equals("Retry-After", StringComparison.OrdinalIgnoreCase));
        var remaining = distinct.FirstOrDefault(h => h.Contains("left", StringComparison.OrdinalIgnoreCase) || h.Contains("remaining", StringComparison.OrdinalIgnoreCase));
        var rateLimit = new JObject { ["is_rate_limited"] = "{{status = 429}}" };
        if (reset is not null)
        {
            rateLimit["retry_after_header_expression"] = $"{{{{headers.`{reset.ToLowerInvariant()}`}}}}";
        }

        if (remaining is not null)
        {
            rateLimit["rate_limit_header_expression"] = $"{{{{headers.`{remaining.ToLowerInvariant()}`}}}}";
        }

        notes.Add(Note("info", "rateLimit", "rate limit from: " + string.Join("; ", evidence)));
        return rateLimit;
    }

    // ---- documentation rows ----

    private static JArray Documentation(IReadOnlyList<ApiDescription> sources, ApiDescription primary, IReadOnlyList<PlannedMethod> planned, string label, string baseUrl, JObject authorization)
    {
        var rows = new JArray { new JObject { ["type"] = "readme", ["content"] = Readme(sources, primary, planned, label, baseUrl, authorization) } };
        foreach (var method in planned)
        {
            var operation = method.Operation;
            var description = string.Join("\n\n", new[] { operation.Summary, operation.Description }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct());
            rows.Add(Row("description", method, description.Length > 0 ? description : $"{operation.Method.ToUpperInvariant()} {operation.Path}"));

            var queryParameters = operation.Parameters.Where(p => p.In == "query").ToList();
            if (queryParameters.Count > 0)
            {
                var properties = new JObject();
                foreach (var parameter in queryParameters)
                {
                    var schema = parameter.Schema?.DeepClone() as JObject ?? new JObject { ["type"] = "string" };
                    if (parameter.Description is { Length: > 0 } text && schema["description"] is null)
                    {
                        schema["description"] = text;
                    }

                    properties[parameter.Name] = schema;
                }

                var query = new JObject { ["type"] = "object", ["properties"] = properties };
                var required = queryParameters.Where(p => p.Required).Select(p => p.Name).ToList();
                if (required.Count > 0)
                {
                    query["required"] = new JArray(required);
                }

                rows.Add(Row("query_schema", method, SchemaYaml.Write(query)));
            }

            if (operation.RequestBody is { } body)
            {
                rows.Add(Row("body_schema", method, SchemaYaml.Write(body)));
            }

            if (operation.ResponseBody is { } response)
            {
                rows.Add(Row("response_schema", method, SchemaYaml.Write(response)));
            }
        }

        return rows;
    }

    private static JObject Row(string type, PlannedMethod method, string content) =>
        new() { ["type"] = type, ["resource"] = method.Resource, ["method"] = method.Name, ["content"] = content };

    private static string Readme(IReadOnlyList<ApiDescription> sources, ApiDescription primary, IReadOnlyList<PlannedMethod> planned, string label, string baseUrl, JObject authorization)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(label).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(primary.Description))
        {
            var description = primary.Description.Trim();
            text.Append(description.Length > 2000 ? description[..2000] + "…" : description).Append("\n\n");
        }

        text.Append("- Base URL: `").Append(baseUrl).Append("`\n");
        text.Append("- Authorization: ").Append((string?)authorization["format"]).Append('\n');
        text.Append("- Resources: ").Append(planned.Select(p => p.Resource).Distinct().Count()).Append(", methods: ").Append(planned.Count).Append('\n');
        text.Append("- Sources: ").Append(string.Join(", ", sources.Select(s => $"{Path.GetFileName(s.Origin)} ({s.Format})"))).Append('\n');
        foreach (var page in sources.Where(s => s != primary).SelectMany(s => s.Pages))
        {
            text.Append("\n## ").Append(page.Title).Append("\n\n").Append(page.Text.Length > 3000 ? page.Text[..3000] + "…" : page.Text).Append('\n');
        }

        return text.ToString();
    }

    // ---- naming ----

    public static string DeriveSlug(ApiDescription api, string baseUrl)
    {
        var brand = BrandOf(baseUrl);
        if (brand is not null)
        {
            return brand;
        }

        var slug = Slugify(CleanTitle(api.Title ?? ""));
        return slug.Length > 0 ? slug : "integration";
    }

    private static string DeriveLabel(ApiDescription api, string baseUrl, string slug)
    {
        var title = CleanTitle(api.Title ?? "");
        var brand = BrandOf(baseUrl);
        if (brand is not null)
        {
            // The brand as the title spells it (PagerDuty, SendGrid), else capitalised.
            var spelled = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Equals(brand, StringComparison.OrdinalIgnoreCase));
            return spelled ?? char.ToUpperInvariant(brand[0]) + brand[1..];
        }

        return title.Length > 0 ? title : Humanize(slug);
    }

    /// <summary>The second-level domain of a public API host (api.pagerduty.com gives pagerduty), or null.</summary>
    private static string? BrandOf(string baseUrl)
    {
        var match = OriginPattern().Match(baseUrl);
        if (!match.Success || baseUrl.StartsWith("{{", StringComparison.Ordinal))
        {
            return null;
        }

        var labels = match.Groups["host"].Value.Split('.');
        return labels.Length >= 2 ? Slugify(labels[^2]) : null;
    }

    private static string CleanTitle(string title)
    {
        var cleaned = TitleNoisePattern().Replace(title, " ");
        return string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '-');
    }

    public static string Slugify(string text) => SlugPattern().Replace(text.ToLowerInvariant(), "-").Trim('-');

    private static string Humanize(string name)
    {
        var words = ResourcePlanner.Snake(name).Replace('_', ' ');
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static readonly (string Category, string[] Words)[] Categories =
    [
        ("ticketing", ["ticket", "incident", "issue", "alert", "on-call", "oncall"]),
        ("helpdesk", ["conversation", "helpdesk", "help center", "article"]),
        ("crm", ["deal", "lead", "opportunit", "crm", "pipeline"]),
        ("e-commerce", ["store", "order", "product", "cart", "catalog", "customer"]),
        ("marketing-automation", ["campaign", "marketing", "mailing list", "newsletter", "email"]),
        ("payments", ["transfer", "payment", "balance", "quote", "payout", "invoice"]),
        ("devops", ["registry", "repositor", "artifact", "container", "pipeline", "deploy"]),
        ("hris", ["employee", "payroll", "time off"]),
        ("ats", ["candidate", "job", "applicat"]),
        ("file-storage", ["file", "folder", "drive"]),
    ];

    private static string GuessCategory(ApiDescription api)
    {
        var text = ((api.Title ?? "") + " " + (api.Description ?? "") + " " + string.Join(' ', api.Operations.Select(o => o.Path))).ToLowerInvariant();
        return Categories
            .Select(c => (c.Category, Score: c.Words.Sum(w => Regex.Matches(text, Regex.Escape(w)).Count)))
            .OrderByDescending(c => c.Score)
            .First() is { Score: > 0 } best ? best.Category : "other";
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>[^/:{}]+)(:\d+)?")]
    private static partial Regex OriginPattern();

    [GeneratedRegex(@"^(localhost|127\.0\.0\.1|0\.0\.0\.0|.*\.?example\.(com|org|net)|your[-_.].*|.*\.local)$", RegexOptions.IgnoreCase)]
    private static partial Regex SelfHostedHostPattern();

    [GeneratedRegex(@"(?<!\{)\{([A-Za-z_][\w-]*)\}(?!\})")]
    private static partial Regex SingleBracePattern();

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex DoubleBracePattern();

    [GeneratedRegex(@"^v\d+(\.\d+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionSegmentPattern();

    [GeneratedRegex(@"(?i)\b(api|rest|openapi|swagger|v\d+(\.\d+)*|\d+(\.\d+)+|reference|collection|spec(ification)?)\b|[-–—_:]+")]
    private static partial Regex TitleNoisePattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"(?i)(^|\.)(_metadata|links|meta|paging|pagination|pages)\.next(_url|_page_url|_link)?$|(^|\.)next(_url|_page_url|_link)$")]
    private static partial Regex NextUrlPattern();

    [GeneratedRegex(@"(?i)(^|\.)(next_cursor|next_page_token|nextpagetoken|cursor|starting_after|next_page|after)$")]
    private static partial Regex NextCursorPattern();

    [GeneratedRegex(@"(?i)(^|\.)(more|has_more|hasmore|has_next)$")]
    private static partial Regex HasMorePattern();

    [GeneratedRegex(@"(?i)(^|\.)(total|total_count|totalcount)$")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"(?i)(^|\.)(total_pages|totalpages|page_count|last_page)$")]
    private static partial Regex TotalPagesPattern();

    [GeneratedRegex(@"(?i)\b(X-Rate-?Limit-[\w-]+|RateLimit-[\w-]+|Retry-After)\b")]
    private static partial Regex RateHeaderPattern();
}
