using Truto.Plugins.Build.Sources;
using static Truto.Plugins.Build.Tests.BuildFixture;

namespace Truto.Plugins.Build.Tests.Sources;

/// <summary>The index the LLM agent's tools read: overview, every operation, one in detail, and search.</summary>
public sealed class SourceIndexTests
{
    private static async Task<SourceIndex> IndexOfAsync(params string[] inputs)
    {
        var sources = new List<ApiDescription>();
        foreach (var input in inputs)
        {
            sources.Add(await SourceReader.LoadAsync(Input(input), await File.ReadAllTextAsync(Input(input)), CancellationToken.None));
        }

        return new SourceIndex(sources);
    }

    [Fact]
    public async Task Lists_every_operation_with_a_stable_id_verb_and_path()
    {
        var index = await IndexOfAsync(PagerDuty);

        index.Methods.Count.ShouldBe(12);
        index.Methods.Select(m => m.Id).Distinct().Count().ShouldBe(12);
        index.Methods.ShouldContain(m => m.HttpMethod == "GET" && m.Path == "/workspaces/{slack_team_id}/connections");
    }

    [Fact]
    public async Task The_overview_names_title_servers_auth_and_operation_count()
    {
        var index = await IndexOfAsync(BigCommerce, RateLimitPage);

        var overview = index.Overview();

        overview.ShouldContain("Title: Customers V3");
        overview.ShouldContain("Server: https://api.bigcommerce.com/stores/{store_hash}/v3 variables: store_hash");
        overview.ShouldContain("Auth: X-Auth-Token apiKey");
        overview.ShouldContain("Operations: 34");
        overview.ShouldContain("Page: ");
    }

    [Fact]
    public async Task Reads_one_method_with_its_parameters_and_schemas_and_null_for_an_unknown_id()
    {
        var index = await IndexOfAsync(SendGrid);
        var list = index.Methods.Single(m => m.HttpMethod == "GET" && m.Path == "/v3/marketing/lists");

        var text = index.ReadMethod(list.Id)!;

        text.ShouldStartWith("GET /v3/marketing/lists\n");
        text.ShouldContain("Parameter: page_token in query");
        text.ShouldContain("Response schema: ");
        text.ShouldContain("_metadata");
        index.ReadMethod("no such id").ShouldBeNull();
    }

    [Fact]
    public async Task Search_ranks_the_passages_that_match_best_first()
    {
        var index = await IndexOfAsync(BigCommerce, RateLimitPage);

        var hits = index.Search("rate limit quota window", 3);

        hits.Count.ShouldBeGreaterThan(0);
        hits[0].Id.ShouldContain("bigcommerce-api-rate-limits.mdx");
        hits.Select(h => h.Score).ShouldBeInOrder(SortDirection.Descending);
        index.Search("", 5).ShouldBeEmpty();
        index.Search("zzzunknownterm", 5).ShouldBeEmpty();
    }
}
