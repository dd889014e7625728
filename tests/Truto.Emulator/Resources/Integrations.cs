using Newtonsoft.Json.Linq;
using Truto.Emulator.Data;
using Truto.Emulator.Http;

namespace Truto.Emulator.Resources;

/// <summary>
/// <c>/integration</c>: the team's integrations. Filters: <c>name</c> (the slug, exact), <c>sharing</c>, <c>category</c>.
/// <c>GET /integration/{id}</c> also accepts the slug. POST needs <c>name</c> and <c>config</c>; a taken name is a 409.
/// PATCH needs the current <c>version</c> (missing: 400; stale: <see cref="EmulatorStore.StaleVersionStatus"/>) and
/// deep-merges <c>config</c>.
/// </summary>
internal static class Integrations
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/integration", List);
        routes.MapGet("/integration/{id}", Get);
        routes.MapPost("/integration", CreateAsync);
        routes.MapPatch("/integration/{id}", UpdateAsync);
        routes.MapDelete("/integration/{id}", Delete);
    }

    private static JsonResponse List(HttpContext http, EmulatorStore store)
    {
        var query = http.Request.Query;
        var page = Pagination.Read(query);
        var rows = QueryFilters.Equal(store.Integrations(http.Tenant()), query, "name", "sharing", "category");
        return Pagination.Page(rows.ToList(), page);
    }

    private static JsonResponse Get(HttpContext http, EmulatorStore store, string id) =>
        new(store.FindIntegration(http.Tenant(), id) ?? throw ApiException.NotFound("Integration not found"));

    private static async Task<JsonResponse> CreateAsync(HttpContext http, EmulatorStore store)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request);
        if (body["name"] is not { Type: JTokenType.String } name || string.IsNullOrWhiteSpace((string?)name))
        {
            throw ApiException.BadRequest("name is required: the integration's slug, e.g. \"acme-crm\"");
        }

        if (body["config"] is not JObject)
        {
            throw ApiException.BadRequest("config is required and must be an object");
        }

        if (body["sharing"] is { } sharing && (string?)sharing is not ("ask" or "deny" or "allow"))
        {
            throw ApiException.BadRequest($"sharing must be one of ask, deny, allow, not '{sharing}'");
        }

        var fields = new JObject();
        foreach (var field in new[] { "name", "category", "is_beta", "config", "sharing" })
        {
            if (body[field] is { } value)
            {
                fields[field] = value.DeepClone();
            }
        }

        return new(store.AddIntegration(http.Tenant(), fields), StatusCodes.Status201Created);
    }

    private static async Task<JsonResponse> UpdateAsync(HttpContext http, EmulatorStore store, string id)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request);
        if (body["config"] is { } config && config.Type is not (JTokenType.Object or JTokenType.Null))
        {
            throw ApiException.BadRequest("config must be an object");
        }

        return new(store.UpdateIntegration(http.Tenant(), id, body));
    }

    private static JsonResponse Delete(HttpContext http, EmulatorStore store, string id) =>
        new(store.DeleteIntegration(http.Tenant(), id));
}
