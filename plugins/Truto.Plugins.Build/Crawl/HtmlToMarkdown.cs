using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Truto.Plugins.Build.Crawl;

/// <summary>
/// HTML to markdown for pages fetched without Firecrawl: headings, paragraphs, links (made absolute), emphasis,
/// inline code and fenced code blocks, nested lists, tables, block quotes and image alt text. Page chrome (script,
/// style, nav, footer, forms) is dropped; when the page has a <c>main</c> or <c>article</c>, only that is kept.
/// </summary>
internal static partial class HtmlToMarkdown
{
    private static readonly HashSet<string> Dropped = ["script", "style", "nav", "footer", "noscript", "template", "svg", "iframe", "form", "button", "head"];
    private static readonly HashSet<string> Inline =
        ["a", "strong", "b", "em", "i", "code", "span", "img", "br", "small", "sup", "sub", "u", "abbr", "kbd", "label", "mark", "s", "del", "time", "var", "samp", "cite", "q"];

    public static (string Title, string Markdown) Convert(string html, Uri pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var root = (IElement?)document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.Body ?? document.DocumentElement;
        var writer = new BlockWriter(pageUrl);
        writer.WriteBlocks(root);
        var markdown = writer.Finish();
        var title = document.Title?.Trim() is { Length: > 0 } t ? t : document.QuerySelector("h1")?.TextContent.Trim() ?? pageUrl.AbsolutePath;
        return (title, markdown);
    }

    private sealed class BlockWriter(Uri pageUrl)
    {
        private readonly List<string> _blocks = [];
        private readonly StringBuilder _paragraph = new();

        public string Finish()
        {
            Flush();
            return string.Join("\n\n", _blocks.Where(b => b.Length > 0)) + "\n";
        }

        public void WriteBlocks(INode parent)
        {
            foreach (var node in parent.ChildNodes)
            {
                if (node is IText text)
                {
                    _paragraph.Append(Collapse(text.Data));
                    continue;
                }

                if (node is not IElement element || Dropped.Contains(element.LocalName))
                {
                    continue;
                }

                var tag = element.LocalName;
                if (Inline.Contains(tag))
                {
                    _paragraph.Append(InlineText(element));
                    continue;
                }

                Flush();
                switch (tag)
                {
                    case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                        Emit($"{new string('#', tag[1] - '0')} {InlineChildren(element).Trim()}");
                        break;
                    case "p":
                        Emit(InlineChildren(element).Trim());
                        break;
                    case "pre":
                        Emit(CodeBlock(element));
                        break;
                    case "ul" or "ol":
                        Emit(List(element, "").TrimEnd());
                        break;
                    case "table":
                        Emit(Table(element));
                        break;
                    case "blockquote":
                        var inner = new BlockWriter(pageUrl);
                        inner.WriteBlocks(element);
                        Emit(string.Join('\n', inner.Finish().TrimEnd().Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l)));
                        break;
                    case "hr":
                        Emit("---");
                        break;
                    default:
                        WriteBlocks(element);
                        Flush();
                        break;
                }
            }
        }

        private void Flush()
        {
            var text = _paragraph.ToString().Trim();
            _paragraph.Clear();
            Emit(text);
        }

        private void Emit(string block)
        {
            if (block.Trim().Length > 0)
            {
                _blocks.Add(block);
            }
        }

        private string InlineChildren(INode parent)
        {
            var text = new StringBuilder();
            foreach (var node in parent.ChildNodes)
            {
                text.Append(node switch
                {
                    IText t => Collapse(t.Data),
                    IElement e when Dropped.Contains(e.LocalName) => "",
                    IElement e => InlineText(e),
                    _ => "",
                });
            }

            return text.ToString();
        }

        private string InlineText(IElement element)
        {
            switch (element.LocalName)
            {
                case "br":
                    return "\n";
                case "img":
                    var alt = element.GetAttribute("alt");
                    return string.IsNullOrWhiteSpace(alt) ? "" : $"![{alt.Trim()}]({Absolute(element.GetAttribute("src"))})";
                case "code" or "kbd" or "samp":
                    var code = element.TextContent;
                    var ticks = code.Contains('`', StringComparison.Ordinal) ? "``" : "`";
                    return code.Length == 0 ? "" : $"{ticks}{code}{ticks}";
            }

            var inner = InlineChildren(element);
            if (inner.Trim().Length == 0)
            {
                return inner;
            }

            return element.LocalName switch
            {
                "strong" or "b" => Wrap(inner, "**"),
                "em" or "i" => Wrap(inner, "*"),
                "s" or "del" => Wrap(inner, "~~"),
                "a" when Link(element.GetAttribute("href")) is { } href => $"[{inner.Trim()}]({href})",
                _ => InlineBlockSpacing(element, inner),
            };
        }

        /// <summary>A block element met inside inline content (e.g. a div in a link) keeps a space around it.</summary>
        private static string InlineBlockSpacing(IElement element, string inner) => Inline.Contains(element.LocalName) ? inner : $" {inner.Trim()} ";

        private static string Wrap(string inner, string marker)
        {
            // Emphasis markers hug the text; surrounding spaces stay outside.
            var leading = inner.Length - inner.TrimStart().Length;
            var trailing = inner.Length - inner.TrimEnd().Length;
            return $"{inner[..leading]}{marker}{inner.Trim()}{marker}{inner[(inner.Length - trailing)..]}";
        }

        private string? Link(string? href)
        {
            if (string.IsNullOrWhiteSpace(href) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return href.StartsWith('#') ? href : Absolute(href);
        }

        private string Absolute(string? href) =>
            href is not null && Uri.TryCreate(pageUrl, href, out var url) ? url.ToString() : href ?? "";

        private static string CodeBlock(IElement pre)
        {
            var code = pre.QuerySelector("code");
            var classes = $"{pre.ClassName} {code?.ClassName}";
            var language = LanguageClass().Match(classes) is { Success: true } m ? m.Groups[1].Value : "";
            var text = (code ?? pre).TextContent.Trim('\n').TrimEnd();
            var fence = text.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
            return $"{fence}{language}\n{text}\n{fence}";
        }

        private string List(IElement list, string indent)
        {
            var text = new StringBuilder();
            var number = list.GetAttribute("start") is { } start && int.TryParse(start, out var s) ? s : 1;
            foreach (var item in list.Children.Where(c => c.LocalName == "li"))
            {
                var marker = list.LocalName == "ol" ? $"{number++}. " : "- ";
                var childIndent = indent + new string(' ', marker.Length);
                var line = new StringBuilder();
                var nested = new StringBuilder();
                foreach (var node in item.ChildNodes)
                {
                    if (node is IElement { LocalName: "ul" or "ol" } sublist)
                    {
                        nested.Append(List(sublist, childIndent));
                    }
                    else if (node is IElement { LocalName: "pre" } pre)
                    {
                        nested.Append(string.Join('\n', CodeBlock(pre).Split('\n').Select(l => childIndent + l))).Append('\n');
                    }
                    else if (node is IText t)
                    {
                        line.Append(Collapse(t.Data));
                    }
                    else if (node is IElement e && !Dropped.Contains(e.LocalName))
                    {
                        line.Append(Inline.Contains(e.LocalName) ? InlineText(e) : " " + InlineChildren(e).Trim() + " ");
                    }
                }

                text.Append(indent).Append(marker).Append(Collapse(line.ToString()).Trim()).Append('\n').Append(nested);
            }

            return text.ToString();
        }

        private string Table(IElement table)
        {
            var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
            if (rows.Count == 0)
            {
                return "";
            }

            var cells = rows.Select(r => r.Children.Where(c => c.LocalName is "th" or "td").Select(c => Cell(c)).ToList()).ToList();
            var width = cells.Max(r => r.Count);
            if (width == 0)
            {
                return "";
            }

            string Row(List<string> row) => "| " + string.Join(" | ", row.Concat(Enumerable.Repeat("", width - row.Count))) + " |";
            var lines = new List<string> { Row(cells[0]), "|" + string.Concat(Enumerable.Repeat(" --- |", width)) };
            lines.AddRange(cells.Skip(1).Select(Row));
            return string.Join('\n', lines);
        }

        private string Cell(IElement cell) =>
            Collapse(InlineChildren(cell).Replace("\n", " ", StringComparison.Ordinal)).Trim().Replace("|", "\\|", StringComparison.Ordinal);

        private static string Collapse(string text) => Whitespace().Replace(text, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:language|lang)-([A-Za-z0-9_+#-]+)")]
    private static partial Regex LanguageClass();
}
