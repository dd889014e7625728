using Truto.ByokStubs;
using Truto.Cli.Sdk.Errors;
using Truto.Plugins.Build.Crawl;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>Fetching documentation without Firecrawl: a GET and a local HTML-to-markdown conversion.</summary>
public sealed class LocalFetchTests
{
    private const string ReferencePage = """
        <!doctype html>
        <html><head><title>Contacts API - Acme</title><style>body { color: red }</style><script>track()</script></head>
        <body>
          <nav><a href="/">Home</a> | <a href="/pricing">Pricing</a></nav>
          <main>
            <h1>Contacts</h1>
            <p>List contacts with <code>GET /contacts</code>. See <a href="/docs/auth">authentication</a> and <strong>rate limits</strong>.</p>
            <h2>Parameters</h2>
            <ul>
              <li><em>cursor</em>: where to continue</li>
              <li>limit
                <ol><li>at least 1</li><li>at most 100</li></ol>
              </li>
            </ul>
            <pre><code class="language-bash">curl https://api.acme.test/contacts \
          -H "Authorization: Bearer $TOKEN"</code></pre>
            <table>
              <thead><tr><th>Status</th><th>Meaning</th></tr></thead>
              <tbody><tr><td>200</td><td>OK</td></tr><tr><td>429</td><td>Too many | slow down</td></tr></tbody>
            </table>
          </main>
          <footer>© Acme</footer>
        </body></html>
        """;

    [Fact]
    public async Task Converts_a_fetched_html_page_to_markdown()
    {
        using var harness = new FetcherHarness();
        await using var site = await StaticSiteStub.StartAsync();
        var url = site.Add("/docs/contacts", ReferencePage);

        var page = (await harness.Fetcher.FetchAsync(url, harness.Local(), CancellationToken.None)).Single();

        page.Title.ShouldBe("Contacts API - Acme");
        page.Url.ShouldBe(url);
        page.Markdown.ShouldBe($$"""
            # Contacts

            List contacts with `GET /contacts`. See [authentication]({{site.BaseUrl}}docs/auth) and **rate limits**.

            ## Parameters

            - *cursor*: where to continue
            - limit
              1. at least 1
              2. at most 100

            ```bash
            curl https://api.acme.test/contacts \
              -H "Authorization: Bearer $TOKEN"
            ```

            | Status | Meaning |
            | --- | --- |
            | 200 | OK |
            | 429 | Too many \| slow down |

            """);
        site.Requests.Single().Header("authorization").ShouldBeNull();
    }

    [Fact]
    public void Drops_scripts_styles_navigation_and_footers_when_the_page_has_no_main()
    {
        var (title, markdown) = HtmlToMarkdown.Convert(
            "<html><body><nav>Menu</nav><script>x()</script><h3>Errors</h3><div>Plain <b>text</b><br>next line</div><blockquote><p>Note</p></blockquote><hr><img src='/a.png' alt='diagram'><footer>Footer</footer></body></html>",
            new Uri("https://docs.acme.test/errors"));

        title.ShouldBe("/errors");
        markdown.ShouldBe("""
            ### Errors

            Plain **text**
            next line

            > Note

            ---

            ![diagram](https://docs.acme.test/a.png)

            """);
    }

    [Fact]
    public async Task Markdown_and_text_pages_pass_through_unchanged()
    {
        using var harness = new FetcherHarness();
        await using var site = await StaticSiteStub.StartAsync();
        var url = site.Add("/llms.txt", "# Acme\n\n- [API](https://docs.acme.test/api.md)\n", "text/plain");

        var page = (await harness.Fetcher.FetchAsync(url, harness.Local(), CancellationToken.None)).Single();

        page.Markdown.ShouldBe("# Acme\n\n- [API](https://docs.acme.test/api.md)\n");
    }

    [Fact]
    public async Task A_missing_page_is_an_error_that_names_the_url()
    {
        using var harness = new FetcherHarness();
        await using var site = await StaticSiteStub.StartAsync();
        var url = new Uri(site.BaseUrl, "nope");

        var error = await Should.ThrowAsync<CliException>(() => harness.Fetcher.FetchAsync(url, harness.Local(), CancellationToken.None));

        error.Message.ShouldBe($"Could not fetch {url}: HTTP 404 Not Found.");
    }

    [Fact]
    public async Task A_cached_page_is_served_without_a_request()
    {
        using var harness = new FetcherHarness();
        await using var site = await StaticSiteStub.StartAsync();
        var url = site.Add("/docs/contacts", ReferencePage);
        var first = await harness.Fetcher.FetchAsync(url, harness.Local(cache: true), CancellationToken.None);

        var second = await harness.Fetcher.FetchAsync(url, harness.Local(cache: true), CancellationToken.None);

        second.ShouldBe(first);
        site.Requests.Count.ShouldBe(1);
    }
}
