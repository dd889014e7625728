using Truto.Emulator.Data;
using Truto.Emulator.Http;

namespace Truto.Emulator.Resources;

/// <summary><c>/team</c>: a token sees the team that owns its environment.</summary>
internal static class Teams
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/team", List);
        routes.MapGet("/team/{id}", Get);
    }

    private static JsonResponse List(HttpContext http, EmulatorStore store) =>
        Pagination.Page([store.Team(http.Tenant())], Pagination.Read(http.Request.Query));

    private static JsonResponse Get(HttpContext http, EmulatorStore store, string id)
    {
        var team = store.Team(http.Tenant());
        return (string?)team["id"] == id ? new(team) : throw ApiException.NotFound("Team not found");
    }
}
