using Truto.Emulator.Data;
using Truto.Emulator.Http;

namespace Truto.Emulator.Resources;

/// <summary>
/// <c>/api-token</c>: read-only metadata of the environment's API tokens (never a secret).
/// Filters: <c>name</c> (exact), <c>environment_id</c>. An <c>environment_id</c> other than the token's own gives an
/// empty list, not a 404: the filter and the token's scope both apply, and the answer does not reveal whether that
/// environment exists.
/// </summary>
internal static class ApiTokens
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api-token", List);
        routes.MapGet("/api-token/{id}", Get);
    }

    private static JsonResponse List(HttpContext http, EmulatorStore store)
    {
        var query = http.Request.Query;
        var page = Pagination.Read(query);
        IEnumerable<Newtonsoft.Json.Linq.JObject> rows = store.ApiTokens(http.Tenant());
        if (query.TryGetValue("name", out var name))
        {
            rows = rows.Where(row => (string?)row["name"] == name.ToString());
        }

        if (query.TryGetValue("environment_id", out var environmentId))
        {
            rows = rows.Where(row => (string?)row["environment_id"] == environmentId.ToString());
        }

        return new(Pagination.Envelope(rows.ToList(), page));
    }

    private static JsonResponse Get(HttpContext http, EmulatorStore store, string id) =>
        new(store.ApiTokens(http.Tenant()).FirstOrDefault(row => (string?)row["id"] == id)
            ?? throw ApiException.NotFound("API token not found"));
}
