using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Resources;

namespace Truto.Plugins.ApiTokens;

[Command("list", "ls", Description = "List API tokens (25 per page; --all for every page).",
    ExtendedHelpText = """

Examples:
  truto api-tokens list
  truto api-tokens list --limit 100 --next-cursor eyJvZmZzZXQiOjEwMH0
  truto api-tokens list --all -o ndjson > tokens.ndjson
""")]
public sealed class ListApiTokensCommand(IResourceReader reader) : ResourceListCommand(reader)
{
    [Option("--name <name>", Description = "Only tokens with exactly this name.")]
    public string? Name { get; set; }

    protected override string Path => ApiTokensCommand.Path;

    protected override IReadOnlyList<TableColumn> Columns => ApiTokensCommand.Columns;

    protected override IReadOnlyDictionary<string, string> Filters =>
        Name is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["name"] = Name };
}
