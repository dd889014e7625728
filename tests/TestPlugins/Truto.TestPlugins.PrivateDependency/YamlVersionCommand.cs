using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using YamlDotNet.Serialization;

namespace Truto.TestPlugins.PrivateDependency;

[Command("yaml-version", Description = "Show the YamlDotNet this plugin loaded, and use it.")]
public sealed class YamlVersionCommand(IOutput output) : ITrutoCommand
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var yamlDotNet = typeof(Serializer).Assembly;
        var package = yamlDotNet.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var yaml = new SerializerBuilder().Build().Serialize(new { Package = package });
        await output.WriteObjectAsync(
            new { package, assembly_version = yamlDotNet.GetName().Version!.ToString(), serialized = yaml },
            cancellationToken);
        return ExitCodes.Success;
    }
}
