using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Plugins.Profiles;

[Command("get", Description = "Print a key of the active profile (or the one -p names); secret keys masked unless --reveal.",
    ExtendedHelpText = """

Examples:
  truto profiles get apiUrl
  truto profiles get anthropic-api-key --reveal
  truto profiles get apiUrl -o json
""")]
public sealed class GetProfileKeyCommand(IProfileStore store, IInvocationContext context, IOutput output, IStandardStreams streams) : ITrutoCommand
{
    [Required(ErrorMessage = "name the key to print, e.g. 'truto profiles get apiUrl'")]
    [Argument(0, "key", "The key to print.")]
    [Completion(CompletionAttribute.ProfileKeys)]
    public string? Key { get; set; }

    [Option("--reveal", Description = "Print a secret key in full (it is masked otherwise).")]
    public bool Reveal { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var key = ProfileKeys.Parse(Key!);
        var config = await store.ReadAsync(cancellationToken);
        var target = TargetProfile.NameIn(config, context);
        var value = key.Get(config.Profiles[target]);
        if (value is null)
        {
            throw new CliException($"{key.Name} is not set on profile '{target}'", $"Set it with 'truto profiles set {key.Name} <value>'.");
        }

        var shown = key.IsSecret && !Reveal ? SecretMask.Mask(value) : value;
        if (context.OutputFormat == OutputFormat.Table)
        {
            // Plain value, so $(truto profiles get apiUrl) works in scripts.
            await streams.Out.WriteLineAsync(shown);
        }
        else
        {
            await output.WriteObjectAsync(new { profile = target, key = key.Name, value = shown }, cancellationToken);
        }

        return ExitCodes.Success;
    }
}
