using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.TestPlugins.Greeter;

[Command("languages", Description = "List the languages greetings come in.")]
public sealed class GreetLanguagesCommand(IOutput output) : ITrutoCommand
{
    public static readonly IReadOnlyList<Language> Languages =
    [
        new("en", "English", "Hello"),
        new("fr", "French", "Bonjour"),
        new("es", "Spanish", "Hola"),
    ];

    private static readonly TableColumn[] Columns = [new("CODE", "code"), new("GREETING", "greeting")];

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        await output.WriteListAsync(Languages.Select(l => (object)new { code = l.Code, name = l.Name, greeting = l.Greeting }), Columns, cancellationToken);
        return ExitCodes.Success;
    }

    public sealed record Language(string Code, string Name, string Greeting);
}
