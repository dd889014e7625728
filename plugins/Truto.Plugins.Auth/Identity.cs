using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Errors;

namespace Truto.Plugins.Auth;

/// <summary>
/// Who a token is: its environment (a token belongs to exactly one, so the environment list has one row) and that
/// environment's team. Used by login to verify a token and by whoami to show it.
/// </summary>
internal sealed record Identity(string EnvironmentId, string EnvironmentName, string TeamId, string TeamName)
{
    public static async Task<Identity> ReadAsync(ITrutoApi api, CancellationToken cancellationToken)
    {
        var environments = await api.GetPageAsync("/environment", null, 1, null, cancellationToken);
        var environment = environments.Records.FirstOrDefault()
            ?? throw new CliException("the API lists no environment for this token", "Check that the token is an environment API token from the Truto dashboard.");

        var teamId = (string?)environment["team_id"];
        JToken? team = null;
        if (!string.IsNullOrEmpty(teamId))
        {
            try
            {
                team = await api.SendAsync(HttpMethod.Get, $"/team/{Uri.EscapeDataString(teamId)}", null, null, cancellationToken);
            }
            catch (NotFoundException)
            {
                // Some tokens may not see the team by id; the team list is the documented fallback.
            }
        }

        team ??= (await api.GetPageAsync("/team", null, 1, null, cancellationToken)).Records.FirstOrDefault();
        return new Identity(
            (string?)environment["id"] ?? "",
            (string?)environment["name"] ?? "",
            (string?)team?["id"] ?? teamId ?? "",
            (string?)team?["name"] ?? "");
    }
}
