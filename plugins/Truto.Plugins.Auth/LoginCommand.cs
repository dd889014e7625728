using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Plugins.Auth;

[Command("login", Description = "Save an API token as a profile, after checking it against the API.",
    ExtendedHelpText = """

On a terminal, asks for the profile name, API URL and token (masked). --token or --token-stdin
make it non-interactive and overwrite an existing profile of that name without asking.
The token is verified against the API before anything is saved; a rejected token changes nothing.

Examples:
  truto login
  truto login --token "$TRUTO_API_TOKEN" --profile-name ci
  truto login --token-stdin --api-url https://api.truto.one < token.txt
""")]
public sealed class LoginCommand(
    IInvocationContext context,
    ICredentials credentials,
    IProfileStore store,
    ITrutoApiFactory apiFactory,
    IPrompter prompter,
    IStandardStreams streams,
    IOutput output) : ITrutoCommand
{
    private const string DefaultProfile = "default";
    private const string DefaultApiUrl = "https://api.truto.one";

    [Option("--profile-name <name>", Description = "The profile to save (default: default).")]
    public string? ProfileName { get; set; }

    [Option("--token-stdin", Description = "Read the token from stdin, keeping it out of the process list and shell history.")]
    public bool TokenFromStdin { get; set; }

    [Option("-f|--force", Description = "Overwrite an existing profile without asking.")]
    public bool Force { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var config = await store.ReadAsync(cancellationToken);
        var interactive = !context.TokenGiven && !TokenFromStdin;
        if (interactive && !streams.CanPrompt)
        {
            throw new UsageException("no token given and no terminal to ask for one", "Pass --token <token>, or pipe it with --token-stdin.");
        }

        var name = ProfileName?.Trim() is { Length: > 0 } given
            ? given
            : interactive ? await prompter.AskAsync("Profile name", DefaultProfile, cancellationToken) : DefaultProfile;
        config.Profiles.TryGetValue(name, out var existing);

        var apiUrl = ParseApiUrl(context.ApiUrlOverride
            ?? (interactive ? await prompter.AskAsync("API base URL", existing?.ApiUrl ?? DefaultApiUrl, cancellationToken) : existing?.ApiUrl ?? DefaultApiUrl));

        if (existing is not null && interactive && !Force
            && !await prompter.ConfirmAsync($"Profile '{name}' exists. Overwrite its token?", false, cancellationToken))
        {
            output.Status($"Left profile '{name}' as it was.");
            return ExitCodes.Success;
        }

        var token = await ReadTokenAsync(interactive, cancellationToken);

        // Verify before saving: a rejected token or an unreachable API leaves the config untouched.
        var identity = await Identity.ReadAsync(apiFactory.Connect(apiUrl, token), cancellationToken);

        await store.UpdateAsync(current =>
        {
            var profile = (current.Profiles.TryGetValue(name, out var now) ? now : new Profile()) with
            {
                ApiUrl = apiUrl.AbsoluteUri.TrimEnd('/'),
                ApiToken = token,
            };
            return new ProfileConfig(name, new Dictionary<string, Profile>(current.Profiles) { [name] = profile });
        }, cancellationToken);

        output.Status($"Logged in to team '{identity.TeamName}', environment '{identity.EnvironmentName}'. Profile '{name}' is saved and active.");
        if (context.OutputFormat != OutputFormat.Table)
        {
            await output.WriteObjectAsync(new
            {
                profile = name,
                api_url = apiUrl.AbsoluteUri.TrimEnd('/'),
                team_id = identity.TeamId,
                team_name = identity.TeamName,
                environment_id = identity.EnvironmentId,
                environment_name = identity.EnvironmentName,
            }, cancellationToken);
        }

        return ExitCodes.Success;
    }

    private async Task<string> ReadTokenAsync(bool interactive, CancellationToken cancellationToken)
    {
        var token = context.TokenGiven
            ? (await credentials.GetApiTokenAsync(cancellationToken)).Value
            : TokenFromStdin
                ? await streams.In.ReadToEndAsync(cancellationToken)
                : await prompter.AskSecretAsync("API token", cancellationToken);
        token = token.Trim();
        if (token.Length == 0)
        {
            throw new UsageException("the token is empty", interactive ? "Paste the API token from the Truto dashboard." : "Pass a non-empty token.");
        }

        if (token.Any(char.IsWhiteSpace))
        {
            throw new UsageException("the token contains white space", "Pass exactly one token, without quotes or line breaks inside it.");
        }

        return token;
    }

    private Uri ParseApiUrl(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"the API URL must be an absolute http(s) URL, not '{value}'", $"For example: --api-url {DefaultApiUrl}");
        }

        if (url.Scheme == "http" && !url.IsLoopback)
        {
            output.Warning($"{url.GetLeftPart(UriPartial.Authority)} is plain http: the token will cross the network unencrypted");
        }

        return url;
    }
}
