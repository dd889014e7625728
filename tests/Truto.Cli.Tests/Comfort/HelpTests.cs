using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Comfort;

public sealed class HelpTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Every_command_shows_usage_its_options_then_the_global_options_and_an_example()
    {
        var failures = new List<string>();
        foreach (var command in LiveTree.Commands())
        {
            var words = LiveTree.Words(command);
            var result = await _host.RunAsync([.. words, "--help"]);
            var help = result.Stdout;
            var path = "truto " + string.Join(' ', words);
            var problems = new List<string>();
            if (result.ExitCode != 0) problems.Add($"exit {result.ExitCode}: {result.Stderr}");
            if (!help.Contains($"Usage: {path}", StringComparison.Ordinal)) problems.Add("no usage");
            if (!help.Contains("\nGlobal options:\n", StringComparison.Ordinal)) problems.Add("no global options group");
            if (!help.Contains("Examples:\n  truto ", StringComparison.Ordinal)) problems.Add("no example");
            var options = help.IndexOf("\nOptions:\n", StringComparison.Ordinal);
            if (options >= 0 && options > help.IndexOf("\nGlobal options:\n", StringComparison.Ordinal)) problems.Add("command options after the global ones");
            if (problems.Count > 0) failures.Add($"{path}: {string.Join("; ", problems)}\n{help}");
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_commands_help_lists_its_own_options_apart_from_the_global_ones()
    {
        var result = await _host.RunAsync("profiles", "get", "--help");

        result.Stdout.ShouldContain("""

            Options:
                  --reveal  Print a secret key in full (it is masked otherwise).

            Global options:
              -p, --profile <name>
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Truto_alone_lists_the_commands_grouped_by_plugin()
    {
        var result = await _host.RunAsync();

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("\nprofiles (Manage saved profiles and bring-your-own keys.):\n");
        result.Stdout.ShouldContain("\nauth (");
        result.Stdout.ShouldContain("\ntruto:\n  completion ");
        result.Stdout.ShouldContain("--no-color");
    }
}
