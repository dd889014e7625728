using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;

namespace Truto.Plugins.ApiTokens.Tests;

[Collection(nameof(ApiTokensFixture))]
public sealed class ListApiTokensCommandTests(ApiTokensFixture api) : IDisposable
{
    private readonly TrutoTestHost _host = api.NewHost();

    public void Dispose() => _host.Dispose();

    private static string CursorIn(string stderr) =>
        Regex.Match(stderr, "^Next page: --next-cursor (\\S+)$", RegexOptions.Multiline).Groups[1].Value;

    [Fact]
    public async Task Lists_the_first_25_tokens_and_hints_the_next_page_on_stderr_only()
    {
        var result = await _host.RunAsync("api-tokens", "list", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var tokens = JArray.Parse(result.Stdout);
        tokens.Select(t => (string?)t["id"]).ShouldBe(api.AllTokens.Take(25).Select(t => (string?)t["id"]));
        CursorIn(result.Stderr).ShouldNotBeNullOrEmpty();
        result.Stdout.ShouldNotContain("Next page");
    }

    [Fact]
    public async Task Following_the_hinted_cursor_reads_the_next_page()
    {
        var first = await _host.RunAsync("api-tokens", "list", "--limit", "100", "-o", "ndjson");
        var second = await _host.RunAsync("api-tokens", "list", "--limit", "100", "--next-cursor", CursorIn(first.Stderr), "-o", "ndjson");

        second.ExitCode.ShouldBe(0, second.ToString());
        var ids = second.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string?)ApiTokensFixture.ParseKeepingDates(l)["id"]);
        ids.ShouldBe(api.AllTokens.Skip(100).Take(100).Select(t => (string?)t["id"]));
    }

    [Fact]
    public async Task Sends_filters_limit_and_cursor_as_query_parameters()
    {
        api.Emulator.ClearRequests();

        await _host.RunAsync("api-tokens", "list", "--name", "CI deploy token", "--limit", "7", "--next-cursor", "abc");

        var request = api.Emulator.Requests.Single(r => r.Path == "/api-token");
        request.Query["name"].ShouldBe("CI deploy token");
        request.Query["limit"].ShouldBe("7");
        request.Query["next_cursor"].ShouldBe("abc");
    }

    [Fact]
    public async Task A_table_on_a_terminal_fits_80_columns_with_the_declared_headers()
    {
        var result = await _host.RunAsync(new TestTerminal(interactive: true, width: 80), "api-tokens", "list", "--limit", "5");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        lines[0].ShouldStartWith("ID");
        lines[0].ShouldContain("NAME");
        lines[0].ShouldContain("ENVIRONMENT");
        lines[0].ShouldContain("EXPIRES");
        lines[0].ShouldContain("CREATED");
        lines.Length.ShouldBe(6);
        lines.ShouldAllBe(l => l.Length <= 80);
    }

    [Fact]
    public async Task A_piped_table_is_complete_and_tab_separated()
    {
        var result = await _host.RunAsync("api-tokens", "list", "--limit", "3");

        var rows = result.Stdout.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')).ToArray();
        rows.Length.ShouldBe(3);
        rows[0][0].ShouldBe((string?)api.AllTokens[0]["id"]);
        rows[0][4].ShouldBe((string?)api.AllTokens[0]["created_at"]);
    }

    [Theory]
    [InlineData("ndjson")]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("yaml")]
    [InlineData("table")]
    public async Task All_follows_every_page_in_every_format(string format)
    {
        api.Emulator.ClearRequests();

        var result = await _host.RunAsync("api-tokens", "list", "--all", "--limit", "50", "-o", format);

        result.ExitCode.ShouldBe(0, result.ToString());
        api.Emulator.Requests.Count(r => r.Path == "/api-token").ShouldBe(6);
        result.Stderr.ShouldNotContain("Next page");
        var expectedIds = api.AllTokens.Select(t => (string)t["id"]!).ToArray();
        switch (format)
        {
            case "ndjson":
                result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string?)ApiTokensFixture.ParseKeepingDates(l)["id"]).ShouldBe(expectedIds);
                break;
            case "json":
                JArray.Parse(result.Stdout).Select(t => (string?)t["id"]).ShouldBe(expectedIds);
                break;
            case "csv":
                var lines = result.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                lines.Length.ShouldBe(expectedIds.Length + 1);
                lines.Count(l => l.StartsWith("id,", StringComparison.Ordinal)).ShouldBe(1);
                lines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(expectedIds);
                break;
            default:
                foreach (var id in expectedIds)
                {
                    result.Stdout.ShouldContain(id);
                }

                break;
        }
    }

    [Fact]
    public async Task A_limit_below_one_is_a_usage_error_without_any_request()
    {
        api.Emulator.ClearRequests();

        var result = await _host.RunAsync("api-tokens", "list", "--limit", "0");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--limit must be at least 1");
        api.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rejected_token_gives_the_login_hint()
    {
        var result = await _host.RunAsync("api-tokens", "list", "--token", "truto_tok_wrong_000000000000");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("the API rejected the token given with --token (401");
        result.Stderr.ShouldContain("truto login");
    }
}
