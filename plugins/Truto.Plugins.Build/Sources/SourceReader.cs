using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Sources;

/// <summary>Recognises a source by its content (never its extension) and loads it into an <see cref="ApiDescription"/>.</summary>
internal static partial class SourceReader
{
    /// <summary>True when the text is an OpenAPI/Swagger document or a Postman collection.</summary>
    public static bool IsStructured(string content) => Sniff(content) != SourceKind.Docs;

    public static SourceKind Sniff(string content)
    {
        var text = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{'))
        {
            return TryParseObject(text) is { } json
                ? json["openapi"] is not null || json["swagger"] is not null ? SourceKind.OpenApi
                : json["info"] is not null && json["item"] is not null ? SourceKind.Postman
                : SourceKind.Docs
                : SourceKind.Docs;
        }

        return OpenApiYamlPattern().IsMatch(text) ? SourceKind.OpenApi : SourceKind.Docs;
    }

    public static async Task<ApiDescription> LoadAsync(string origin, string content, CancellationToken cancellationToken)
    {
        switch (Sniff(content))
        {
            case SourceKind.OpenApi:
                return await OpenApiLoader.LoadAsync(origin, content, cancellationToken);
            case SourceKind.Postman:
                return PostmanLoader.Load(origin, TryParseObject(content.TrimStart('\uFEFF'))!);
            default:
                var page = ToPage(origin, content);
                var docs = new ApiDescription { Origin = origin, Kind = SourceKind.Docs, Format = LooksLikeHtml(content) ? "HTML" : "markdown", Title = page.Title };
                docs.Pages.Add(page);
                return docs;
        }
    }

    /// <summary>Doc pages fetched by the documentation fetcher (already markdown).</summary>
    public static ApiDescription FromPages(string origin, IEnumerable<(string Url, string Title, string Markdown)> pages)
    {
        var docs = new ApiDescription { Origin = origin, Kind = SourceKind.Docs, Format = "docs site" };
        foreach (var (url, title, markdown) in pages)
        {
            docs.Pages.Add(ToPage(url, markdown) with { Title = title.Length > 0 ? title : ToPage(url, markdown).Title });
        }

        docs.Title = docs.Pages.FirstOrDefault()?.Title;
        return docs;
    }

    private static DocPage ToPage(string origin, string content)
    {
        if (LooksLikeHtml(content))
        {
            var document = new HtmlParser().ParseDocument(content);
            foreach (var noise in document.QuerySelectorAll("script, style, nav, footer, noscript, svg"))
            {
                noise.Remove();
            }

            var title = document.QuerySelector("h1")?.TextContent.Trim() is { Length: > 0 } h1 ? h1 : document.Title ?? origin;
            var blocks = document.Body?.QuerySelectorAll("h1, h2, h3, h4, p, li, pre, td, th")
                .Select(e => e.TextContent.Trim())
                .Where(t => t.Length > 0) ?? [];
            return new DocPage(origin, title, string.Join("\n", blocks));
        }

        // Markdown/MDX: drop front matter, import/export lines and JSX tags, keep the prose.
        var lines = content.Replace("\r\n", "\n").Split('\n').ToList();
        string? frontTitle = null;
        if (lines.Count > 0 && lines[0].Trim() == "---")
        {
            var end = lines.FindIndex(1, l => l.Trim() == "---");
            if (end > 0)
            {
                frontTitle = lines.Take(end).Select(l => FrontTitlePattern().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim().Trim('"', '\'');
                lines = lines.Skip(end + 1).ToList();
            }
        }

        var kept = lines.Where(l => !MdxNoisePattern().IsMatch(l)).ToList();
        var heading = kept.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();
        return new DocPage(origin, frontTitle ?? heading ?? Path.GetFileNameWithoutExtension(origin), string.Join("\n", kept).Trim());
    }

    private static bool LooksLikeHtml(string content)
    {
        var head = content.TrimStart()[..Math.Min(content.TrimStart().Length, 512)];
        return head.StartsWith('<') && (head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase));
    }

    private static JObject? TryParseObject(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*(openapi|swagger)\s*:", RegexOptions.Multiline)]
    private static partial Regex OpenApiYamlPattern();

    [GeneratedRegex(@"^\s*title\s*:\s*(.+)$")]
    private static partial Regex FrontTitlePattern();

    [GeneratedRegex(@"^\s*(import\s.+from\s|export\s|</?[A-Z][\w.]*[^>]*>\s*$)")]
    private static partial Regex MdxNoisePattern();
}
