using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using YamlDotNet.Serialization;

namespace Truto.Samples.Hello;

[Command("hello", Description = "Greet someone, and say which environment the API token belongs to.",
    ExtendedHelpText = """

Examples:
  truto hello Ada
  truto hello Ada --environment -o json
""")]
public sealed class HelloCommand(IOutput output, ITrutoApi api) : ITrutoCommand
{
    [Argument(0, "name", "Who to greet.")]
    public string Name { get; set; } = "world";

    [Option("--environment", Description = "Also ask the API for the token's environment.")]
    public bool Environment { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        string? environment = null;
        if (Environment)
        {
            var page = await api.GetPageAsync("/environment", null, 1, null, cancellationToken);
            environment = (string?)page.Records.FirstOrDefault()?["name"];
        }

        // YamlDotNet is this plugin's own dependency, at its own version.
        var yaml = new SerializerBuilder().Build().Serialize(new { greeting = $"Hello, {Name}!" }).Trim();
        await output.WriteObjectAsync(new
        {
            greeting = $"Hello, {Name}!",
            environment,
            yaml,
            yaml_version = typeof(Serializer).Assembly.GetName().Version?.ToString(),
        }, cancellationToken);
        return ExitCodes.Success;
    }
}
