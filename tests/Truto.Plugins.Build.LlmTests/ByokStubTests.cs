using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Truto.ByokStubs;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>The stubs themselves, as other test projects will rely on them.</summary>
public sealed class ByokStubTests
{
    private static readonly HttpClient Http = new();

    private static async Task<(HttpStatusCode Status, JObject Body, HttpResponseMessage Response)> PostAsync(Uri url, string json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Http.SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()), response);
    }

    [Fact]
    public async Task The_anthropic_stub_refuses_a_request_without_a_key_in_the_api_error_shape()
    {
        await using var anthropic = await AnthropicStub.StartAsync();
        anthropic.EnqueueText("hi");

        var (status, body, _) = await PostAsync(new Uri(anthropic.BaseUrl, "v1/messages"), """{"model":"m","messages":[]}""", ("anthropic-version", "2023-06-01"));

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body["type"]!.ToString().ShouldBe("error");
        body["error"]!["type"]!.ToString().ShouldBe("authentication_error");
        anthropic.Pending.ShouldBe(1);
    }

    [Fact]
    public async Task The_anthropic_stub_answers_with_a_message_and_usage_and_reports_an_exhausted_script()
    {
        await using var anthropic = await AnthropicStub.StartAsync();
        anthropic.EnqueueToolUse("finish", new { summary = "x" });
        var url = new Uri(anthropic.BaseUrl, "v1/messages");

        var (status, body, response) = await PostAsync(url, """{"model":"claude-x","messages":[]}""", ("x-api-key", "k"), ("anthropic-version", "2023-06-01"));
        var (exhausted, error, _) = await PostAsync(url, """{"model":"claude-x","messages":[]}""", ("x-api-key", "k"), ("anthropic-version", "2023-06-01"));

        status.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("request-id").Single().ShouldStartWith("req_");
        body["model"]!.ToString().ShouldBe("claude-x");
        body["stop_reason"]!.ToString().ShouldBe("tool_use");
        body["content"]![0]!["type"]!.ToString().ShouldBe("tool_use");
        body["content"]![0]!["id"]!.ToString().ShouldStartWith("toolu_");
        body["usage"]!["output_tokens"]!.Value<int>().ShouldBeGreaterThan(0);
        exhausted.ShouldBe(HttpStatusCode.InternalServerError);
        error["error"]!["message"]!.ToString().ShouldContain("no scripted response left");
        anthropic.Requests.Select(r => r.ApiKey).ShouldBe(["k", "k"]);
    }

    [Fact]
    public async Task The_firecrawl_stub_maps_pages_as_v2_objects_and_v1_strings_and_requires_a_bearer_token()
    {
        await using var firecrawl = await FirecrawlStub.StartAsync();
        firecrawl.AddPage("https://docs.acme.test/a", "# A", "A").AddPage("https://docs.acme.test/b", "# B", "B");

        var (_, v2, _) = await PostAsync(new Uri(firecrawl.BaseUrl, "v2/map"), """{"url":"https://docs.acme.test"}""", ("Authorization", "Bearer fc-x"));
        var (_, v1, _) = await PostAsync(new Uri(firecrawl.BaseUrl, "v1/map"), """{"url":"https://docs.acme.test"}""", ("Authorization", "Bearer fc-x"));
        var (unauthorized, error, _) = await PostAsync(new Uri(firecrawl.BaseUrl, "v2/map"), "{}");

        v2["links"]!.Select(l => l["url"]!.ToString()).ShouldBe(["https://docs.acme.test/a", "https://docs.acme.test/b"]);
        v1["links"]!.Select(l => l.ToString()).ShouldBe(["https://docs.acme.test/a", "https://docs.acme.test/b"]);
        unauthorized.ShouldBe(HttpStatusCode.Unauthorized);
        error.ToString(Newtonsoft.Json.Formatting.None).ShouldBe("""{"success":false,"error":"Unauthorized"}""");
    }
}
