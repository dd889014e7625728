using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using McMaster.Extensions.CommandLineUtils;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Terminal;
using Truto.Plugins.Build.Crawl;
using Truto.Plugins.Build.Extraction;
using Truto.Plugins.Build.Interactive;
using Truto.Plugins.Build.Refinement;
using Truto.Plugins.Build.Sources;

namespace Truto.Plugins.Build;

[Command("build", Description = "Build an IntegrationFile (<slug>.integration.json) from OpenAPI/Swagger specs, Postman collections or doc pages.",
    ExtendedHelpText = """

Sources are local files or http(s) URLs, recognised by content: OpenAPI 3.0/3.1 and Swagger 2.0
(JSON or YAML), Postman v2.0/v2.1 collections, and doc pages (markdown, MDX, HTML). With several
sources the highest-fidelity one (OpenAPI > Postman > docs) is primary; the others add context.
A positional that is neither an existing path nor a URL is the slug (default: from the API's name).

Specs and collections build with no key at all: extraction is deterministic. With an Anthropic key
(--anthropic-api-key, ANTHROPIC_API_KEY or 'truto profiles set-key anthropic') Claude then refines
the file, and on a terminal you can steer it with instructions. Doc pages alone need the key.

Nothing is pushed: review the file, then 'truto integrations lint' and 'truto integrations apply'.
If a build is interrupted, <out>.partial keeps its progress: run the same command again to resume
(delete the .partial file to start over).

Examples:
  truto integrations build ./openapi.yaml --no-llm
  truto integrations build https://example.com/openapi.json acme --out acme.integration.json
  truto integrations build ./collection.json ./docs/rate-limits.md acme --no-refine
  ANTHROPIC_API_KEY=... truto integrations build https://docs.example.com/api --max-pages 50
""")]
public sealed partial class BuildIntegrationCommand(
    IServiceProvider services,
    ICredentials credentials,
    IProfileStore profiles,
    IEnvironment environment,
    IStandardStreams streams,
    IPrompter prompter,
    IOutput output,
    IInvocationContext context) : ITrutoCommand
{
    private const string DefaultModel = "claude-opus-4-6";
    private readonly TurnProgress _progress = new(streams, output, () => context.OutputFormat == OutputFormat.Table);
    private const string DefaultAnthropicUrl = "https://api.anthropic.com";
    private const string DefaultFirecrawlUrl = "https://api.firecrawl.dev";
    private static readonly string[] SourceTiers =
        ["auto", "openapi-only", "openapi-viewer", "postman", "llms-full", "llms-index", "mdtrick", "md-sibling", "firecrawl", "graphql-introspection", "graphql-sdl", "graphql-doc"];

    [Argument(0, "sources", "Spec files, collections, doc pages or URLs, and optionally the integration's slug.")]
    public string[] Positionals { get; set; } = [];

    [Option("--out <file>", Description = "Where to write the IntegrationFile (default: <slug>.integration.json in the current folder).")]
    public string? Out { get; set; }

    [Option("--no-llm", Description = "Deterministic extraction only: no key is used, nothing is sent to an LLM.")]
    public bool NoLlm { get; set; }

    [Option("--no-refine", Description = "Skip the interactive refinement prompt (the automatic LLM pass still runs).")]
    public bool NoRefine { get; set; }

    [Option("--instructions <text>", Description = "Standing instructions for the LLM (e.g. \"only the v2 endpoints\").")]
    public string? Instructions { get; set; }

    [Option("--source-tier <tier>", Description = "auto (default), openapi-only, postman, or a docs tier (llms-full, llms-index, mdtrick, md-sibling, firecrawl, ...).")]
    public string SourceTier { get; set; } = "auto";

    [Option("--llm-provider <provider>", Description = "anthropic (the only provider this build supports).")]
    public string LlmProvider { get; set; } = "anthropic";

    [Option("--anthropic-api-key <key>", Description = "Anthropic key (else ANTHROPIC_API_KEY, the profile's, or a prompt on a terminal).")]
    public string? AnthropicApiKey { get; set; }

    [Option("--anthropic-model <model>", Description = "Claude model for refinement (default claude-opus-4-6).")]
    public string? AnthropicModel { get; set; }

    [Option("--anthropic-base-url <url>", Description = "Anthropic endpoint (else ANTHROPIC_BASE_URL, else https://api.anthropic.com).")]
    public string? AnthropicBaseUrl { get; set; }

    [Option("--fireworks-api-key <key>", Description = "Reserved for the Fireworks provider: accepted and unused.")]
    public string? FireworksApiKey { get; set; }

    [Option("--firecrawl-api-key <key>", Description = "Firecrawl key for doc sites (else FIRECRAWL_API_KEY or the profile's; without one, pages are fetched directly).")]
    public string? FirecrawlApiKey { get; set; }

    [Option("--firecrawl-api-url <url>", Description = "Firecrawl endpoint (else FIRECRAWL_API_URL, else https://api.firecrawl.dev).")]
    public string? FirecrawlApiUrl { get; set; }

    [Option("--no-firecrawl", Description = "Fetch doc pages directly, never through Firecrawl.")]
    public bool NoFirecrawl { get; set; }

    [Option("--max-pages <n>", Description = "Doc pages to crawl at most (default 200).")]
    public int MaxPages { get; set; } = 200;

    [Option("--max-turns <n>", Description = "LLM agent turn budget (default 40).")]
    public int MaxTurns { get; set; } = 40;

    [Option("--no-llm-cache", Description = "Neither read nor write the LLM response cache (<config dir>/cache/anthropic).")]
    public bool NoLlmCache { get; set; }

    [Option("--refresh-llm-cache", Description = "Ignore cached LLM responses and store fresh ones.")]
    public bool RefreshLlmCache { get; set; }

    [Option("--editor <command>", Description = "Editor for ':edit' at the refinement prompt (default $VISUAL, then $EDITOR).")]
    public string? Editor { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        // Deprecated flags fail before any key is resolved or any page fetched.
        RejectDeprecatedFlags();
        ValidateOptions();
        var (sourceArgs, slug) = SplitPositionals();

        // 1. Load every source, recognised by content.
        var loaded = new List<(ApiDescription Api, string Content)>();
        var docSites = new List<(Uri Url, string FirstPage)>();
        foreach (var source in sourceArgs)
        {
            var (content, origin, url) = await ReadSourceAsync(source, cancellationToken);
            if (url is not null && !SourceReader.IsStructured(content))
            {
                docSites.Add((url, content)); // a doc site: crawled below, once we know a key is there to use it
                continue;
            }

            output.Status($"Reading {origin}");
            ApiDescription api;
            try
            {
                api = await SourceReader.LoadAsync(origin, content, cancellationToken);
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message, "Check that the file is a complete OpenAPI/Swagger document or Postman collection.");
            }

            output.Status($"  {api.Format}: {(api.Kind == SourceKind.Docs ? $"{api.Pages.Count} page(s)" : $"{api.Operations.Count} operation(s)")}");
            loaded.Add((api, content));
        }

        var sources = ApplySourceTier(loaded.Select(l => l.Api).ToList());
        var structured = sources.Any(s => s.Kind != SourceKind.Docs);
        ReportWarnings(sources);

        if (!structured && NoLlm)
        {
            throw new UsageException("doc pages alone cannot be built without the LLM (--no-llm)",
                "Pass an OpenAPI/Swagger spec or a Postman collection for a deterministic build, or drop --no-llm and give an Anthropic key.");
        }

        // 2. The key: only when the chosen path uses it. Structured sources build without one.
        var apiKey = NoLlm ? null : await ResolveAnthropicKeyAsync(structured, cancellationToken);
        var refiner = apiKey is null ? null : services.GetService<IIntegrationRefiner>() ?? throw RefinementUnavailable();

        // 3. Doc sites, once the key question is settled. A deterministic build of a spec only loses context
        //    when crawling is unavailable, so it goes on without them.
        foreach (var (url, firstPage) in docSites)
        {
            if (apiKey is null && services.GetService<IDocumentationFetcher>() is null)
            {
                output.Warning($"skipping {url}: doc crawling is unavailable in this build; save the page and pass its path instead");
                continue;
            }

            sources.Add(await FetchDocsAsync(url, firstPage, cancellationToken));
        }

        structured = sources.Any(s => s.Kind != SourceKind.Docs);
        var index = new SourceIndex(sources);
        var outPath = Path.GetFullPath(Out ?? Path.Combine(Directory.GetCurrentDirectory(), $"{slug ?? PrimarySlug(sources)}.integration.json"));
        var partialPath = outPath + ".partial";
        var fingerprint = Fingerprint(loaded.Select(l => l.Content), slug, docSites.Select(d => d.Url));

        // 4. Deterministic extraction, unless an interrupted build of the same sources left its work behind.
        var (integration, phase) = await TryResumeAsync(partialPath, fingerprint, cancellationToken);
        if (integration is null)
        {
            output.Status("Extracting (deterministic)");
            integration = structured
                ? IntegrationExtractor.Extract(sources, slug)
                : Skeleton(sources, slug);
            phase = "extracted";
            await SavePartialAsync(partialPath, fingerprint, phase, integration, cancellationToken);
        }
        else
        {
            output.Status($"Resuming from {partialPath} ({phase})");
        }

        ReportCounts(integration);

        // 5. LLM refinement: automatic, then interactive on a terminal.
        if (apiKey is not null && refiner is not null)
        {
            var options = RefinementOptionsFor(apiKey);
            if (phase != "refined")
            {
                output.Status($"Refining with {options.Model} (up to {MaxTurns} turns)");
                RefinementResult result;
                try
                {
                    result = await refiner.RefineAsync(integration, index, options, cancellationToken);
                }
                finally
                {
                    _progress.Done();
                }

                integration = result.Integration;
                phase = "refined";
                await SavePartialAsync(partialPath, fingerprint, phase, integration, cancellationToken);
                output.Status($"Refined in {result.Turns} turn(s){(result.Finished ? "" : " (turn budget reached)")}: {result.Summary}");
                ReportCounts(integration);
            }

            if (streams.CanPrompt && !NoRefine)
            {
                var loop = new InstructionLoop(refiner, prompter, streams.Error, EditAsync, _progress.Done);
                integration = await loop.RunAsync(integration, index, options, accepted => SavePartialAsync(partialPath, fingerprint, "refined", accepted, cancellationToken), cancellationToken);
            }
        }

        // 6. The file, atomically; the working file goes once the result is safe.
        await WriteAtomicallyAsync(outPath, integration.ToString(Formatting.Indented) + "\n", cancellationToken);
        File.Delete(partialPath);
        output.Status($"Wrote {outPath}");
        if (context.OutputFormat == OutputFormat.Table)
        {
            await streams.Out.WriteLineAsync(outPath);
        }

        return ExitCodes.Success;
    }

    private void ValidateOptions()
    {
        if (MaxPages <= 0)
        {
            throw new UsageException($"--max-pages must be a positive number, not {MaxPages}");
        }

        if (MaxTurns <= 0)
        {
            throw new UsageException($"--max-turns must be a positive number, not {MaxTurns}");
        }

        if (!SourceTiers.Contains(SourceTier))
        {
            throw new UsageException($"unknown --source-tier '{SourceTier}'", "Use one of: " + string.Join(", ", SourceTiers) + ".");
        }

        if (!LlmProvider.Equals("anthropic", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--llm-provider '{LlmProvider}' is not supported by this build", "Use --llm-provider anthropic (the default), or --no-llm.");
        }

        if (NoLlmCache && RefreshLlmCache)
        {
            throw new UsageException("--no-llm-cache and --refresh-llm-cache contradict each other", "Pass one of them.");
        }

        _ = EndpointFrom(AnthropicBaseUrl, "--anthropic-base-url");
        _ = EndpointFrom(FirecrawlApiUrl, "--firecrawl-api-url");
    }

    private static Uri? EndpointFrom(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"{name} must be an http(s) URL, not '{value}'");
    }

    /// <summary>Existing paths and URLs are sources; the one other positional is the slug.</summary>
    private (List<string> Sources, string? Slug) SplitPositionals()
    {
        var sources = new List<string>();
        string? slug = null;
        foreach (var positional in Positionals)
        {
            if (IsUrl(positional) || File.Exists(positional) || positional.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            {
                sources.Add(positional);
            }
            else if (Directory.Exists(positional))
            {
                throw new UsageException($"{positional} is a folder", "Pass the spec, collection or doc files inside it.");
            }
            else if (positional.Contains('/') || positional.Contains('\\') || Path.HasExtension(positional))
            {
                throw new UsageException($"source not found: {positional}", "Pass an existing file or an http(s) URL.");
            }
            else if (slug is not null)
            {
                throw new UsageException($"two slugs given: '{slug}' and '{positional}'", "Pass at most one slug; every other positional must be an existing file or a URL.");
            }
            else if (!SlugPattern().IsMatch(positional))
            {
                throw new UsageException($"'{positional}' is not a valid slug", "A slug is lower-case letters, digits, '-' and '_', e.g. acme or acme-crm.");
            }
            else
            {
                slug = positional;
            }
        }

        if (sources.Count == 0)
        {
            throw new UsageException("no source given", "Pass an OpenAPI/Swagger spec, a Postman collection or a doc page (file or URL), e.g. truto integrations build ./openapi.yaml --no-llm");
        }

        return (sources, slug);
    }

    private static bool IsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private async Task<(string Content, string Origin, Uri? Url)> ReadSourceAsync(string source, CancellationToken cancellationToken)
    {
        if (IsUrl(source))
        {
            var url = new Uri(source);
            output.Status($"Fetching {url}");
            var downloader = services.GetRequiredService<SpecDownloader>();
            return (await downloader.GetStringAsync(url, cancellationToken), url.AbsoluteUri, url);
        }

        var path = source.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(source).LocalPath : source;
        return (await SourceText.ReadFileAsync(path, cancellationToken), path, null);
    }

    private List<ApiDescription> ApplySourceTier(List<ApiDescription> sources)
    {
        switch (SourceTier)
        {
            case "openapi-only" or "openapi-viewer":
                var openApi = sources.Where(s => s.Kind == SourceKind.OpenApi).ToList();
                return openApi.Count > 0 ? openApi : throw new UsageException($"--source-tier {SourceTier} needs an OpenAPI or Swagger source, and none was given");
            case "postman":
                var postman = sources.Where(s => s.Kind == SourceKind.Postman).ToList();
                return postman.Count > 0
                    ? postman.Concat(sources.Where(s => s.Kind == SourceKind.Docs)).ToList()
                    : throw new UsageException("--source-tier postman needs a Postman collection, and none was given");
            default:
                return sources;
        }
    }

    private void ReportWarnings(IReadOnlyList<ApiDescription> sources)
    {
        var warnings = sources.SelectMany(s => s.Warnings).ToList();
        foreach (var warning in warnings.Take(20))
        {
            output.Warning(warning);
        }

        if (warnings.Count > 20)
        {
            output.Warning($"{warnings.Count - 20} more warning(s) in the file's audit_notes");
        }
    }

    private async Task<string?> ResolveAnthropicKeyAsync(bool structured, CancellationToken cancellationToken)
    {
        try
        {
            var key = await credentials.GetByokKeyAsync(ByokProvider.Anthropic, AnthropicApiKey, cancellationToken);
            return string.IsNullOrWhiteSpace(key) ? throw new AuthRequiredException("no Anthropic key given") : key;
        }
        catch (AuthRequiredException) when (structured)
        {
            await streams.Error.WriteLineAsync("note: no Anthropic key found, so the file is built deterministically (no LLM refinement). To refine it with Claude, pass --anthropic-api-key, set ANTHROPIC_API_KEY, or run 'truto profiles set-key anthropic'.");
            return null;
        }
        catch (AuthRequiredException e)
        {
            throw new CliException(
                "doc pages need an Anthropic key: only the LLM can read an API out of prose",
                "Pass --anthropic-api-key, set ANTHROPIC_API_KEY, or run 'truto profiles set-key anthropic'. OpenAPI/Swagger specs and Postman collections build without a key (--no-llm).",
                innerException: e);
        }
    }

    /// <param name="firstPage">The page at <paramref name="url"/>, already fetched to tell a doc page from a spec.</param>
    private async Task<ApiDescription> FetchDocsAsync(Uri url, string firstPage, CancellationToken cancellationToken)
    {
        string? firecrawlKey = null;
        if (!NoFirecrawl)
        {
            try
            {
                firecrawlKey = await credentials.GetByokKeyAsync(ByokProvider.Firecrawl, FirecrawlApiKey, cancellationToken);
                firecrawlKey = string.IsNullOrWhiteSpace(firecrawlKey) ? null : firecrawlKey;
            }
            catch (AuthRequiredException)
            {
                firecrawlKey = null; // optional: pages are fetched directly instead
            }
        }

        if (firecrawlKey is null)
        {
            // Without Firecrawl the page is the one already downloaded: convert it rather than fetch it again.
            output.Status($"Converting {url} (local fetch, no Firecrawl key)");
            var page = LocalPageFetcher.FromContent(url, firstPage, mediaType: null);
            return SourceReader.FromPages(url.AbsoluteUri, [(page.Url.AbsoluteUri, page.Title, page.Markdown)]);
        }

        var fetcher = services.GetService<IDocumentationFetcher>() ?? throw RefinementUnavailable();
        var options = new FetchOptions(
            firecrawlKey,
            EndpointFrom(FirecrawlApiUrl, "--firecrawl-api-url") ?? EndpointFrom(environment.Get("FIRECRAWL_API_URL"), "FIRECRAWL_API_URL") ?? new Uri(DefaultFirecrawlUrl),
            MaxPages,
            CacheDirectory("firecrawl"));
        output.Status($"Crawling {url} ({options})");
        var pages = await fetcher.FetchAsync(url, options, cancellationToken);
        output.Status($"  {pages.Count} page(s)");
        return SourceReader.FromPages(url.AbsoluteUri, pages.Select(p => (p.Url.AbsoluteUri, p.Title, p.Markdown)));
    }

    private RefinementOptions RefinementOptionsFor(string apiKey) => new(
        apiKey,
        EndpointFrom(AnthropicBaseUrl, "--anthropic-base-url") ?? EndpointFrom(environment.Get("ANTHROPIC_BASE_URL"), "ANTHROPIC_BASE_URL") ?? new Uri(DefaultAnthropicUrl),
        AnthropicModel ?? DefaultModel,
        MaxTurns,
        NoLlmCache ? null : CacheDirectory("anthropic"),
        RefreshLlmCache,
        Instructions,
        _progress.Report);

    private string CacheDirectory(string name) =>
        Path.Combine(Path.GetDirectoryName(profiles.FilePath) ?? ".", "cache", name);

    private static CliException RefinementUnavailable() => new(
        "LLM refinement and doc crawling are unavailable in this build of truto",
        "Use --no-llm with an OpenAPI/Swagger spec or a Postman collection for a deterministic build.");

    private static string PrimarySlug(IReadOnlyList<ApiDescription> sources)
    {
        var primary = sources.OrderBy(s => s.Kind).First();
        return primary.Kind == SourceKind.Docs
            ? IntegrationExtractor.Slugify(primary.Title ?? "") is { Length: > 0 } s ? s : "integration"
            : (string)IntegrationExtractor.Extract([primary], null)["name"]!;
    }

    /// <summary>For doc pages only: the frame the LLM fills in.</summary>
    private static JObject Skeleton(IReadOnlyList<ApiDescription> sources, string? slug)
    {
        var title = sources.Select(s => s.Title).FirstOrDefault(t => t is not null) ?? slug ?? "Integration";
        return new JObject
        {
            ["name"] = slug ?? PrimarySlug(sources),
            ["label"] = title,
            ["category"] = "other",
            ["sharing"] = "ask",
            ["config"] = new JObject { ["label"] = title, ["resources"] = new JObject() },
            ["documentation"] = new JArray(),
            ["audit_notes"] = new JArray(),
        };
    }

    private void ReportCounts(JObject integration)
    {
        var resources = integration["config"]?["resources"] as JObject ?? [];
        var methods = resources.Properties().Sum(r => (r.Value as JObject)?.Count ?? 0);
        output.Status($"  {resources.Count} resource(s), {methods} method(s), {(integration["documentation"] as JArray)?.Count ?? 0} documentation row(s)");
    }

    // ---- interactive refinement ----

    /// <summary>Opens the file in the user's editor on a temp copy; null when there is no editor or the result is not JSON.</summary>
    private async Task<JObject?> EditAsync(JObject integration, CancellationToken cancellationToken)
    {
        var editor = Editor ?? environment.Get("VISUAL") ?? environment.Get("EDITOR");
        if (string.IsNullOrWhiteSpace(editor))
        {
            await streams.Error.WriteLineAsync("No editor: set $VISUAL or $EDITOR, or pass --editor <command>.");
            return null;
        }

        var temp = Path.Combine(Path.GetTempPath(), $"truto-build-{Guid.NewGuid():N}.integration.json");
        await File.WriteAllTextAsync(temp, integration.ToString(Formatting.Indented), cancellationToken);
        try
        {
            var start = OperatingSystem.IsWindows()
                ? new ProcessStartInfo("cmd.exe", ["/c", editor + " \"" + temp + "\""])
                : new ProcessStartInfo("/bin/sh", ["-c", editor + " \"$1\"", "sh", temp]);
            using var process = Process.Start(start) ?? throw new CliException($"could not start the editor '{editor}'");
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                await streams.Error.WriteLineAsync($"The editor exited with code {process.ExitCode}; kept the previous version.");
                return null;
            }

            return JObject.Parse(await File.ReadAllTextAsync(temp, cancellationToken));
        }
        catch (JsonException e)
        {
            await streams.Error.WriteLineAsync($"The edited file is not valid JSON ({e.Message}); kept the previous version.");
            return null;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    // ---- files ----

    internal static string Fingerprint(IEnumerable<string> contents, string? slug, IEnumerable<Uri> docUrls)
    {
        var text = string.Join("\u0000", contents.Append(slug ?? "").Concat(docUrls.Select(u => u.AbsoluteUri)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private async Task<(JObject? Integration, string Phase)> TryResumeAsync(string partialPath, string fingerprint, CancellationToken cancellationToken)
    {
        if (!File.Exists(partialPath))
        {
            return (null, "");
        }

        try
        {
            var saved = JObject.Parse(await File.ReadAllTextAsync(partialPath, cancellationToken));
            if ((string?)saved["fingerprint"] == fingerprint && saved["integration"] is JObject integration)
            {
                var phase = (string?)saved["phase"] ?? "extracted";

                // A deterministic run never trusts LLM output it did not ask for: it starts over.
                return NoLlm && phase != "extracted" ? (null, "") : (integration, phase);
            }

            output.Warning($"{partialPath} is from other sources; starting over");
        }
        catch (JsonException)
        {
            output.Warning($"{partialPath} is not valid JSON; starting over");
        }

        return (null, "");
    }

    private static Task SavePartialAsync(string partialPath, string fingerprint, string phase, JObject integration, CancellationToken cancellationToken)
    {
        var saved = new JObject { ["fingerprint"] = fingerprint, ["phase"] = phase, ["saved_at"] = DateTimeOffset.UtcNow.ToString("O"), ["integration"] = integration };
        return WriteAtomicallyAsync(partialPath, saved.ToString(Formatting.Indented), cancellationToken);
    }

    /// <summary>A temp file beside the target, then a rename: readers see the old file or the new one, never half of one.</summary>
    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot create {folder}: {e.Message}", "Choose another --out.");
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false), cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new CliException($"cannot write {path}: {e.Message}", "Check the folder's permissions and free space, or choose another --out.");
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex SlugPattern();
}
