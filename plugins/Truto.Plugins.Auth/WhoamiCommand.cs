using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Plugins.Auth;

[Command("whoami", Description = "Show the profile, API URL, team, environment and token in use.",
    ExtendedHelpText = """

Asks the API which environment and team the token belongs to; the token itself is shown masked.

Examples:
  truto whoami
  truto whoami -p staging -o json
  truto whoami --token "$TRUTO_API_TOKEN"
""")]
public sealed class WhoamiCommand(ICredentials credentials, ITrutoApi api, IOutput output) : ITrutoCommand
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var token = await credentials.GetApiTokenAsync(cancellationToken);
        var apiUrl = await credentials.GetApiUrlAsync(cancellationToken);
        var identity = await Identity.ReadAsync(api, cancellationToken);

        await output.WriteObjectAsync(new
        {
            profile = token.ProfileName,
            api_url = apiUrl.AbsoluteUri.TrimEnd('/'),
            team_id = identity.TeamId,
            team_name = identity.TeamName,
            environment_id = identity.EnvironmentId,
            environment_name = identity.EnvironmentName,
            token = SecretMask.Mask(token.Value),
            token_source = token.Source == TokenSource.Flag ? "flag" : "profile",
        }, cancellationToken);
        return ExitCodes.Success;
    }
}
