using System.Diagnostics;
using Truto.Cli.Tests.Plugins;
using Truto.Cli.Tests.Smoke;

namespace Truto.Cli.Tests.Comfort;

/// <summary>
/// The bash script the built executable prints, sourced in a real bash, its completion function called as bash calls
/// it (COMP_WORDS, COMP_CWORD), each call running the real <c>truto __complete</c>.
/// </summary>
public sealed class BashCompletionTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "truto-bash-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly PluginTestBed _teamPlugins = new();

    public BashCompletionTests()
    {
        Directory.CreateDirectory(Path.Combine(_home, ".truto"));
        File.WriteAllText(Path.Combine(_home, ".truto", "config.json"),
            """{ "activeProfile": "default", "profiles": { "default": {}, "staging": {} } }""");
        _teamPlugins.InstallInPluginPath(TestPlugin.Greeter);
    }

    public void Dispose()
    {
        _teamPlugins.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Completes_commands_subcommands_formats_profiles_and_a_dropped_in_plugins_command()
    {
        // Given the script truto prints, sourced in bash, with the Greeter plugin on TRUTO_PLUGIN_PATH
        var script = """
            truto() { "$TRUTO_DOTNET" "$TRUTO_DLL" "$@"; }
            source <(truto completion bash)
            complete -p truto
            ask() {
                COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
                _truto_complete
                echo "[$*]: ${COMPREPLY[*]}"
            }
            ask truto ''
            ask truto profiles ''
            ask truto api-tokens list -o ''
            ask truto whoami -p ''
            ask truto gr
            ask truto greet h
            """;

        // When
        var (exitCode, stdout, stderr) = await RunBashAsync(script);

        // Then
        exitCode.ShouldBe(0, stderr);
        var lines = stdout.Split('\n');
        lines[0].ShouldBe("complete -o default -F _truto_complete truto");
        Answer(lines, "truto ").Split(' ').ShouldBe(
            ["api-tokens", "login", "logout", "whoami", "integrations", "profiles", "use", "greet", "plugins", "completion", "context"],
            ignoreOrder: true);
        Answer(lines, "truto profiles ").ShouldBe("list use set get set-key");
        Answer(lines, "truto api-tokens list -o ").ShouldBe("table json ndjson csv yaml");
        Answer(lines, "truto whoami -p ").ShouldBe("default staging");
        Answer(lines, "truto gr").ShouldBe("greet");
        Answer(lines, "truto greet h").ShouldBe("hello");
    }

    private static string Answer(string[] lines, string asked) =>
        lines.Single(l => l.StartsWith($"[{asked}]: ", StringComparison.Ordinal))[($"[{asked}]: ").Length..];

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunBashAsync(string script)
    {
        var (dotnet, assembly) = TrutoExecutable.Command;
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TRUTO_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = _home;
        start.Environment["TRUTO_CONFIG_DIR"] = Path.Combine(_home, ".truto");
        start.Environment["TRUTO_PLUGIN_PATH"] = _teamPlugins.PluginPathFolder;
        start.Environment["TRUTO_PLUGINS_STRICT_MODES"] = "no";
        start.Environment["TRUTO_DOTNET"] = dotnet;
        start.Environment["TRUTO_DLL"] = assembly;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
