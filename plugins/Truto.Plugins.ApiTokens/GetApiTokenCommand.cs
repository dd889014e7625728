using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Resources;

namespace Truto.Plugins.ApiTokens;

[Command("get", Description = "Show one API token's details (JSON by default; never its secret).",
    ExtendedHelpText = """

Examples:
  truto api-tokens get 7d2f0c1e-...
  truto api-tokens get 7d2f0c1e-... --brief -o table
  truto api-tokens get 7d2f0c1e-... --select id,name,environment_id
""")]
public sealed class GetApiTokenCommand(IResourceReader reader) : ResourceGetCommand(reader)
{
    protected override string Path => ApiTokensCommand.Path;

    protected override string Noun => "API token";

    protected override IReadOnlyList<TableColumn> BriefColumns => ApiTokensCommand.Columns;
}
