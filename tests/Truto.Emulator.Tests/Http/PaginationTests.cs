using System.Text;

namespace Truto.Emulator.Tests.Http;

public sealed class PaginationTests : EmulatorScenario
{
    [Fact]
    public async Task Following_next_cursor_collects_every_token_once_in_list_order()
    {
        Emulator.SeedApiTokens(Token, 250); // 253 with the three AddToken seeds
        var pages = new List<JObject>();

        var (_, page) = await GetJsonAsync("/api-token?limit=100");
        pages.Add(page);
        while ((string?)page["next_cursor"] is { } cursor)
        {
            (_, page) = await GetJsonAsync($"/api-token?limit=100&next_cursor={Uri.EscapeDataString(cursor)}");
            pages.Add(page);
        }

        pages.Select(p => ((JArray)p["result"]!).Count).ShouldBe([100, 100, 53]);
        pages.ShouldAllBe(p => (int?)p["limit"] == 100);
        var ids = pages.SelectMany(p => p["result"]!).Select(row => (string)row["id"]!).ToList();
        ids.ShouldBeUnique();
        ids.ShouldBe(Emulator.GetApiTokens(Token).Select(row => (string)row["id"]!));
    }

    [Fact]
    public async Task Rows_are_ordered_by_created_at_then_id()
    {
        Emulator.SeedApiTokens(Token, 30);

        var (_, page) = await GetJsonAsync("/api-token");

        var keys = page["result"]!.Select(row => ((string)row["created_at"]!, (string)row["id"]!)).ToList();
        keys.ShouldBe(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_that_ends_on_the_last_row_has_a_null_next_cursor()
    {
        var (_, page) = await GetJsonAsync("/api-token?limit=3");

        ((JArray)page["result"]!).Count.ShouldBe(3);
        page["next_cursor"]!.Type.ShouldBe(JTokenType.Null);
    }

    [Fact]
    public async Task Without_a_limit_the_page_holds_up_to_5000_rows_and_says_so()
    {
        var (_, page) = await GetJsonAsync("/api-token");

        ((int?)page["limit"]).ShouldBe(5000);
        ((JArray)page["result"]!).Count.ShouldBe(3);
        page.Properties().Select(p => p.Name).ShouldBe(["result", "next_cursor", "limit"]);
    }

    [Fact]
    public async Task A_limit_over_5000_is_clamped_and_the_envelope_echoes_5000()
    {
        var (status, page) = await GetJsonAsync("/api-token?limit=100000");

        status.ShouldBe(200);
        ((int?)page["limit"]).ShouldBe(5000);
    }

    [Theory]
    [InlineData("/api-token")]
    [InlineData("/environment")]
    [InlineData("/team")]
    public async Task Every_list_honours_limit_and_cursor(string path)
    {
        var (status, page) = await GetJsonAsync($"{path}?limit=1");

        status.ShouldBe(200);
        ((int?)page["limit"]).ShouldBe(1);
        ((JArray)page["result"]!).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("")]
    public async Task A_limit_that_is_not_a_positive_whole_number_is_400(string limit)
    {
        var (status, body) = await GetJsonAsync($"/api-token?limit={limit}");

        status.ShouldBe(400);
        ShouldBeErrorEnvelope(body, 400, "Bad Request", $"limit must be a whole number from 1 to 5000, got '{limit}'");
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("aGVsbG8")]          // base64url of "hello"
    [InlineData("eyJvZmZzZXQiOi0xfQ")] // base64url of {"offset":-1}
    [InlineData("eyJpZCI6IjEwMSJ9")]   // base64url of {"id":"101"}: some other API's cursor
    public async Task A_cursor_that_does_not_decode_is_400(string cursor)
    {
        var (status, body) = await GetJsonAsync($"/api-token?next_cursor={Uri.EscapeDataString(cursor)}");

        status.ShouldBe(400);
        ShouldBeErrorEnvelope(body, 400, "Bad Request", $"next_cursor '{cursor}' is not a cursor this API returned");
    }

    [Fact]
    public async Task An_empty_cursor_means_the_first_page()
    {
        var (status, page) = await GetJsonAsync("/api-token?next_cursor=");

        status.ShouldBe(200);
        ((JArray)page["result"]!).Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_cursor_is_base64url_of_an_offset()
    {
        var (_, page) = await GetJsonAsync("/api-token?limit=2");

        var cursor = (string)page["next_cursor"]!;
        cursor.ShouldMatch("^[A-Za-z0-9_-]+$");
        Encoding.UTF8.GetString(Convert.FromBase64String(cursor.PadRight((cursor.Length + 3) / 4 * 4, '='))).ShouldBe("""{"offset":2}""");
    }
}
