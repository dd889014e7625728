using Truto.Emulator.Data;
using Truto.Emulator.Http;

namespace Truto.Emulator.Resources;

/// <summary><c>/environment</c>: a token sees exactly its own environment.</summary>
internal static class Environments
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/environment", List);
        routes.MapGet("/environment/{id}", Get);
    }

    private static JsonResponse List(HttpContext http, EmulatorStore store) =>
        Pagination.Page([store.Environment(http.Tenant())], Pagination.Read(http.Request.Query));

    private static JsonResponse Get(HttpContext http, EmulatorStore store, string id)
    {
        var environment = store.Environment(http.Tenant());
        return (string?)environment["id"] == id ? new(environment) : throw ApiException.NotFound("Environment not found");
    }
}
