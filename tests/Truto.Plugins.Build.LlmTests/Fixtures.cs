using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.LlmTests;

internal static class Fixtures
{
    /// <summary>A recognisable fake key; the secret scans look for it everywhere.</summary>
    public const string AnthropicKey = "sk-ant-api03-FAKEKEY-7d1e4c2a9b";

    public const string FirecrawlKey = "fc-FAKEKEY-31c9e0a4d2";

    /// <summary>What deterministic extraction would hand the agent: complete but for the base URL and a resource.</summary>
    public static JObject ExtractedAcme() => JObject.Parse("""
        {
          "name": "acme",
          "label": "Acme CRM",
          "category": "crm",
          "sharing": "ask",
          "config": {
            "label": "Acme CRM",
            "base_url": "",
            "headers": { "Accept": "application/json", "Content-Type": "application/json" },
            "credentials": { "formats": [ { "type": "api_key", "fields": [ { "name": "subdomain" }, { "name": "api_key" } ] } ] },
            "authorization": { "format": "bearer", "config": { "path": "api_key" } },
            "resources": {}
          }
        }
        """);

    /// <summary>The patch that completes <see cref="ExtractedAcme"/>.</summary>
    public static object CompletingPatch() => new
    {
        operations = new object[]
        {
            new { op = "replace", path = "/config/base_url", value = "https://{{subdomain}}.acme.test/api" },
            new { op = "add", path = "/config/resources/contacts", value = new { list = new { path = "/contacts", method = "get" }, get = new { path = "/contacts/{{id}}", method = "get" } } },
        },
        reason = "base URL and contacts from the spec",
    };
}
