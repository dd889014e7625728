namespace Truto.Emulator.Tests.Http;

public sealed class RoutingTests : EmulatorScenario
{
    [Fact]
    public async Task Unknown_route_is_a_404_envelope_naming_the_route()
    {
        var (status, body) = await GetJsonAsync("/integration-typo");

        status.ShouldBe(404);
        ShouldBeErrorEnvelope(body, 404, "Not Found", "Route GET /integration-typo not found");
    }

    [Fact]
    public async Task Unsupported_method_on_a_known_route_is_a_405_envelope()
    {
        using var response = await Client.PostAsync("/api-token", new StringContent("""{"name":"new"}"""));

        ((int)response.StatusCode).ShouldBe(405);
        ShouldBeErrorEnvelope(Parse(await response.Content.ReadAsStringAsync()), 405, "Method Not Allowed", "Method POST /api-token not allowed");
    }

    [Theory]
    [InlineData("/environment?")]
    [InlineData("/team?")]
    [InlineData("/api-token?")]
    public async Task Trailing_empty_question_mark_is_the_same_as_none(string pathWithEmptyQuery)
    {
        var (withMark, bodyWithMark) = await GetJsonAsync(pathWithEmptyQuery);
        var (without, bodyWithout) = await GetJsonAsync(pathWithEmptyQuery.TrimEnd('?'));

        withMark.ShouldBe(200);
        without.ShouldBe(200);
        JToken.DeepEquals(bodyWithMark, bodyWithout).ShouldBeTrue();
        Emulator.Requests[0].Query.ShouldBeEmpty();
    }

    [Fact]
    public async Task Trailing_empty_question_mark_after_an_id_finds_the_row()
    {
        var (status, body) = await GetJsonAsync($"/environment/{Tenant.EnvironmentId}?");

        status.ShouldBe(200);
        ((string?)body["id"]).ShouldBe(Tenant.EnvironmentId);
    }

    [Fact]
    public async Task Responses_are_utf8_json()
    {
        using var response = await Client.GetAsync("/team");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
    }
}
