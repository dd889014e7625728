using Newtonsoft.Json.Linq;
using Truto.Emulator.Data;
using Truto.Emulator.Http;

namespace Truto.Emulator.Resources;

/// <summary>
/// <c>/documentation</c>: description, schema and readme rows of integrations and unified models. A list needs one
/// of <c>integration_id</c>, <c>environment_integration_id</c>, <c>unified_model_id</c>,
/// <c>environment_unified_model_id</c> (a bare list is a 400) and may narrow by <c>type</c>, <c>resource</c> and
/// <c>method</c>. POST accepts <c>entity_id</c> + <c>entity_type</c>, or <c>integration_id</c> for an integration's
/// row; any <c>type</c> string is accepted.
/// </summary>
internal static class Documentation
{
    private static readonly (string Filter, string EntityType)[] Entities =
    [
        ("integration_id", "integration"),
        ("environment_integration_id", "environment_integration"),
        ("unified_model_id", "unified_model"),
        ("environment_unified_model_id", "environment_unified_model"),
    ];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/documentation", List);
        routes.MapGet("/documentation/{id}", Get);
        routes.MapPost("/documentation", CreateAsync);
        routes.MapPatch("/documentation/{id}", UpdateAsync);
        routes.MapDelete("/documentation/{id}", Delete);
    }

    private static JsonResponse List(HttpContext http, EmulatorStore store)
    {
        var query = http.Request.Query;
        var page = Pagination.Read(query);
        var entity = Entities.FirstOrDefault(e => query.ContainsKey(e.Filter));
        if (entity.Filter is null)
        {
            throw ApiException.BadRequest("One of integration_id, environment_integration_id, unified_model_id or environment_unified_model_id is required");
        }

        var entityId = query[entity.Filter].ToString();
        var rows = QueryFilters.Equal(
            store.Documentation(http.Tenant()).Where(row => (string?)row["entity_type"] == entity.EntityType && (string?)row["entity_id"] == entityId),
            query, "type", "resource", "method");

        return Pagination.Page(rows.ToList(), page);
    }

    private static JsonResponse Get(HttpContext http, EmulatorStore store, string id) =>
        new(store.FindDocumentation(http.Tenant(), id) ?? throw ApiException.NotFound("Documentation not found"));

    private static async Task<JsonResponse> CreateAsync(HttpContext http, EmulatorStore store)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request);
        if (body["integration_id"] is { Type: JTokenType.String } integrationId)
        {
            body["entity_id"] = integrationId.DeepClone();
            body["entity_type"] = "integration";
            body.Remove("integration_id");
        }

        if (body["entity_id"] is not { Type: JTokenType.String })
        {
            throw ApiException.BadRequest("entity_id is required");
        }

        if (body["content"] is not { Type: JTokenType.String })
        {
            throw ApiException.BadRequest("content is required and must be a string");
        }

        var entityType = (string?)body["entity_type"] ?? "integration";
        if (Entities.All(e => e.EntityType != entityType))
        {
            throw ApiException.BadRequest($"entity_type must be one of {string.Join(", ", Entities.Select(e => e.EntityType))}, not '{entityType}'");
        }

        if (entityType == "integration" && store.FindIntegration(http.Tenant(), (string)body["entity_id"]!) is null)
        {
            throw ApiException.BadRequest($"entity_id '{body["entity_id"]}' is not an integration of this team");
        }

        return new(store.AddDocumentation(http.Tenant(), body), StatusCodes.Status201Created);
    }

    private static async Task<JsonResponse> UpdateAsync(HttpContext http, EmulatorStore store, string id)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request);
        if (body["content"] is { } content && content.Type != JTokenType.String)
        {
            throw ApiException.BadRequest("content must be a string");
        }

        return new(store.UpdateDocumentation(http.Tenant(), id, body));
    }

    private static JsonResponse Delete(HttpContext http, EmulatorStore store, string id) =>
        new(store.DeleteDocumentation(http.Tenant(), id));
}
