using McMaster.Extensions.CommandLineUtils;
using Newtonsoft.Json.Linq;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.HostCommands;

[Command("list", "ls", Description = "List every discovered plugin: version, SDK, source, status and the commands it adds.",
    ExtendedHelpText = """

Plugins are searched in: plugins/ beside the executable (bundled), ~/.truto/plugins/ (user),
then each folder of TRUTO_PLUGIN_PATH (environment). A plugin lives in <Name>/<Name>.dll.

Examples:
  truto plugins list
  truto plugins list -o json | jq '.[] | select(.status != "loaded")'
""")]
internal sealed class PluginsListCommand(IOutput output, PluginInventory inventory) : ITrutoCommand
{
    private static readonly TableColumn[] Columns =
    [
        new("NAME", "name"),
        new("VERSION", "version"),
        new("SDK", "sdk_version"),
        new("SOURCE", "source"),
        new("STATUS", "status"),
        new("COMMANDS", "commands"),
        new("REASON", "reason"),
        new("PATH", "path"),
    ];

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var records = inventory.Plugins.Select(ToRecord).ToList();
        await output.WriteListAsync(records, Columns, cancellationToken);
        return ExitCodes.Success;
    }

    private static JObject ToRecord(PluginRecord plugin) => new()
    {
        ["name"] = plugin.Name,
        ["version"] = plugin.Version,
        ["sdk_version"] = plugin.SdkVersion is { } sdk ? $"{sdk.Major}.{sdk.Minor}" : null,
        ["source"] = PluginText.Of(plugin.Source),
        ["path"] = plugin.Path,
        ["status"] = PluginText.Of(plugin.Status),
        ["reason"] = plugin.Reason,
        ["description"] = plugin.Description,
        ["commands"] = new JArray(plugin.Commands.Select(c => c.Name)),
    };
}
