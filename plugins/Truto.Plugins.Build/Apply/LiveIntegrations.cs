using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Api;

namespace Truto.Plugins.Build.Apply;

/// <summary>Reading live integrations: by id, or by slug through the list's <c>name</c> filter (the documented way).</summary>
internal static class LiveIntegrations
{
    public static string PathOf(string id) => $"/integration/{Uri.EscapeDataString(id)}";

    public static async Task<JObject> GetAsync(ITrutoApi api, string id, CancellationToken cancellationToken) =>
        (JObject)await api.SendAsync(HttpMethod.Get, PathOf(id), null, null, cancellationToken);

    /// <summary>The integration with this slug, or null.</summary>
    public static async Task<JObject?> FindByNameAsync(ITrutoApi api, string slug, CancellationToken cancellationToken) =>
        (await api.GetPageAsync("/integration", new Dictionary<string, string> { ["name"] = slug }, 1, null, cancellationToken)).Records.FirstOrDefault();
}
