using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using AllowedValuesAttribute = McMaster.Extensions.CommandLineUtils.AllowedValuesAttribute;

namespace Truto.TestPlugins.Greeter;

[Command("hello", "hi", Description = "Greet someone by name.", ExtendedHelpText = """

Examples:
  truto greet hello Ada
  truto greet hello Ada --shout --times 2 --language fr
""")]
public sealed class GreetHelloCommand(IOutput output, IInvocationContext context) : ITrutoCommand
{
    [Argument(0, "name", Description = "Who to greet.")]
    [Required]
    public string? Name { get; set; }

    [Option("--shout", Description = "Greet in capitals.")]
    public bool Shout { get; set; }

    [Option("-n|--times <n>", Description = "How many times to greet, 1 to 5.")]
    [Range(1, 5)]
    public int Times { get; set; } = 1;

    [Option("-l|--language <code>", Description = "The greeting's language: en, fr or es.")]
    [AllowedValues("en", "fr", "es")]
    public string Language { get; set; } = "en";

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var word = GreetLanguagesCommand.Languages.Single(l => l.Code == Language).Greeting;
        var greeting = string.Join(' ', Enumerable.Repeat($"{word}, {Name}!", Times));
        await output.WriteObjectAsync(
            new
            {
                greeting = Shout ? greeting.ToUpperInvariant() : greeting,
                language = Language,
                profile = context.ProfileName ?? "(active)",
            },
            cancellationToken);
        return ExitCodes.Success;
    }
}
