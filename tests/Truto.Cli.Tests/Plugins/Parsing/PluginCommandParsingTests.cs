using Newtonsoft.Json.Linq;

namespace Truto.Cli.Tests.Plugins.Parsing;

/// <summary>
/// argv to a plugin's command, through the real host and the compiled Greeter plugin: what gets bound, and the
/// usage errors. The Greeter echoes what it was given, so its output shows what was bound.
/// </summary>
public sealed class PluginCommandParsingTests : IDisposable
{
    private readonly PluginTestBed _bed = new();

    public PluginCommandParsingTests() => _bed.InstallInPluginPath(TestPlugin.Greeter);

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Binds_the_argument_and_every_option_of_a_plugin_command()
    {
        // When
        var result = await _bed.RunAsync("greet", "hello", "Ada", "--shout", "--times", "2", "--language", "fr", "-o", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe("""
            {
              "greeting": "BONJOUR, ADA! BONJOUR, ADA!",
              "language": "fr",
              "profile": "(active)"
            }

            """.ReplaceLineEndings("\n"));
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Binds_short_options_and_the_subcommand_alias()
    {
        // When
        var result = await _bed.RunAsync("greet", "hi", "-n", "3", "-l", "es", "Ada", "-o", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        Greeting(result.Stdout).ShouldBe("Hola, Ada! Hola, Ada! Hola, Ada!");
    }

    [Fact]
    public async Task Leaves_unset_options_at_their_defaults()
    {
        // When
        var result = await _bed.RunAsync("greet", "hello", "Ada", "-o", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        Greeting(result.Stdout).ShouldBe("Hello, Ada!");
    }

    public static TheoryData<string[], string?> GlobalOptionPlacements => new()
    {
        { ["-o", "json", "greet", "hello", "Ada"], null },
        { ["greet", "hello", "Ada", "-o", "json"], null },
        { ["greet", "-o", "json", "hello", "Ada"], null },
        { ["-p", "work", "-v", "greet", "hello", "Ada", "-o", "json"], "work" },
        { ["greet", "hello", "-v", "Ada", "-p", "work", "--output", "json"], "work" },
        { ["--profile", "work", "greet", "hello", "Ada", "--verbose", "--output=json"], "work" },
    };

    [Theory]
    [MemberData(nameof(GlobalOptionPlacements))]
    public async Task Accepts_global_options_before_and_after_the_command_name(string[] args, string? profile)
    {
        // When
        var result = await _bed.RunAsync(args);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var output = JObject.Parse(result.Stdout);
        output["greeting"]!.ToString().ShouldBe("Hello, Ada!");
        output["profile"]!.ToString().ShouldBe(profile ?? "(active)");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rejects_an_unknown_option_with_exit_2_suggesting_the_nearest_option_as_typed()
    {
        // When
        var result = await _bed.RunAsync("greet", "hello", "Ada", "--loud");

        // Then
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe("""
            error: Unrecognized option '--loud'
            Did you mean '--shout'? Run 'truto greet hello --help' for usage.

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Rejects_an_unknown_subcommand_suggesting_the_nearest_one()
    {
        // When
        var result = await _bed.RunAsync("greet", "helo", "Ada");

        // Then
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe("""
            error: Unrecognized command or argument 'helo'
            Did you mean 'hello' or '--help'? Run 'truto greet --help' for usage.

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Rejects_a_missing_required_argument()
    {
        // When
        var result = await _bed.RunAsync("greet", "hello", "--shout");

        // Then
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe("""
            error: The name field is required.
            Run 'truto greet hello --help' for usage.

            """.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--language", "de", "Invalid value 'de'. Allowed values are: en, fr, es")]
    [InlineData("--times", "9", "The field --times must be between 1 and 5.")]
    [InlineData("--times", "many", "Invalid value specified for times. 'many' is not a valid number")]
    public async Task Rejects_an_option_value_the_command_does_not_accept(string option, string value, string error)
    {
        // When
        var result = await _bed.RunAsync("greet", "hello", "Ada", option, value);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe($"error: {error}\nRun 'truto greet hello --help' for usage.\n");
    }

    [Theory]
    [InlineData("greet", "hello", "Ada", "-o", "xml")]
    [InlineData("-o", "xml", "greet", "hello", "Ada")]
    public async Task Rejects_an_unknown_output_format(params string[] args)
    {
        // When
        var result = await _bed.RunAsync(args);

        // Then
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe("""
            error: unknown output format 'xml'
            use -o with one of: table, json, ndjson, csv, yaml

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Help_on_a_plugin_command_prints_its_usage_and_options_to_stdout()
    {
        // When
        var result = await _bed.RunAsync("greet", "hello", "--help");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        result.Stdout.ShouldStartWith("""
            Greet someone by name.

            Usage: truto greet hello [options] <name>

            Arguments:
              name  Who to greet.

            Options:
                  --shout            Greet in capitals.
              -n, --times <n>        How many times to greet, 1 to 5.
              -l, --language <code>  The greeting's language: en, fr or es.

            Global options:
              -p, --profile <name>   Use this profile for this command instead of the active one.

            """.ReplaceLineEndings("\n"));
        result.Stdout.ShouldContain("  -o, --output <format>  Output format: table, json, ndjson, csv or yaml.\n");
        result.Stdout.ShouldEndWith("  truto greet hello Ada --shout --times 2 --language fr\n");
    }

    [Fact]
    public async Task A_group_command_run_alone_lists_its_subcommands()
    {
        // When
        var result = await _bed.RunAsync("greet");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        result.Stdout.ShouldStartWith("Greet people.\n\nUsage: truto greet <command> [options]\n");
        result.Stdout.ShouldContain("""

            Commands:
              hello      Greet someone by name.
              languages  List the languages greetings come in.

            """.ReplaceLineEndings("\n"));
    }

    private static string Greeting(string json) => JObject.Parse(json)["greeting"]!.ToString();
}
