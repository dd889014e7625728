using Shouldly;
using Truto.Cli.CommandLine;

namespace Truto.Cli.Tests.Startup;

/// <summary>What the host reads from argv before building anything: the command path, and whether a plugin runs it.</summary>
public sealed class CommandPathTests
{
    [Theory]
    [InlineData("profiles list", "profiles list")]
    [InlineData("-o json profiles list", "profiles list")]
    [InlineData("--profile staging api-tokens get tok_1 -o json", "api-tokens get tok_1")]
    [InlineData("profiles -o json list", "profiles")]
    [InlineData("integrations build --name x", "integrations build")]
    [InlineData("-v", "")]
    [InlineData("-- profiles list", "")]
    [InlineData("profiles -- list", "profiles")]
    public void The_command_path_is_the_command_and_the_words_right_after_it(string argv, string expected)
    {
        var path = ArgumentScanner.FindCommandPath(Split(argv));

        string.Join(' ', path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("profiles list", true)]
    [InlineData("-o json login", true)]
    [InlineData("no-such-command", true)]
    [InlineData("plugins list", false)]
    [InlineData("plugin ls", false)]
    [InlineData("completion bash", false)]
    [InlineData("context", false)]
    [InlineData("__complete profiles", false)]
    [InlineData("--help", false)]
    [InlineData("", false)]
    public void Only_a_command_the_host_does_not_answer_itself_is_a_plugin_command(string argv, bool expected)
    {
        TrutoHost.RunsPluginCommand(Split(argv)).ShouldBe(expected);
    }

    [Fact]
    public void The_host_command_names_written_out_are_those_its_command_classes_declare()
    {
        var declared = TrutoHost.HostCommands.SelectMany(c => c.Aliases.Prepend(c.Name));

        TrutoHost.HostCommandNames.ShouldBe(declared, ignoreOrder: true);
    }

    private static string[] Split(string argv) => argv.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
