using McMaster.Extensions.CommandLineUtils;

namespace Truto.TestPlugins.Greeter;

[Command("greet", Description = "Greet people.")]
[Subcommand(typeof(GreetHelloCommand), typeof(GreetLanguagesCommand))]
public sealed class GreetCommand
{
}
