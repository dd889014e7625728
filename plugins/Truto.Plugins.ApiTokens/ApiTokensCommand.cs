using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Output;

namespace Truto.Plugins.ApiTokens;

[Command("api-tokens", "api-token", Description = "List and inspect the API tokens of the token's environment.",
    ExtendedHelpText = """

API tokens are created and deleted in the Truto dashboard: a token cannot mint or revoke tokens,
and the API never returns a token's secret.

Examples:
  truto api-tokens list
  truto api-tokens list --name "CI deploy token" -o json
  truto api-tokens get 7d2f...
""")]
[Subcommand(typeof(ListApiTokensCommand), typeof(GetApiTokenCommand))]
public sealed class ApiTokensCommand
{
    /// <summary>The list view, shared by list and get --brief.</summary>
    internal static readonly TableColumn[] Columns =
    [
        new("ID", "id"),
        new("NAME", "name"),
        new("ENVIRONMENT", "environment_id"),
        new("EXPIRES", "expires_at"),
        new("CREATED", "created_at"),
    ];

    internal const string Path = "/api-token";
}
