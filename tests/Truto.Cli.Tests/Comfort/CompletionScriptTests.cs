using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Comfort;

public sealed class CompletionScriptTests : IDisposable
{
    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("bash", "complete -o default -F _truto_complete truto")]
    [InlineData("zsh", "compdef _truto truto")]
    [InlineData("fish", "complete -c truto -f -a '(__truto_complete)'")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName truto")]
    public async Task Prints_a_script_for_the_shell_that_asks_truto_complete(string shell, string shellSyntax)
    {
        var result = await _host.RunAsync("completion", shell);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        result.Stdout.ShouldContain("truto __complete");
        result.Stdout.ShouldContain(shellSyntax);
    }

    [Fact]
    public async Task An_unknown_shell_is_a_usage_error_naming_the_shells()
    {
        var result = await _host.RunAsync("completion", "tcsh");

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe("error: unknown shell 'tcsh'\nUse one of: bash, zsh, fish, powershell.\n");
    }

    [Fact]
    public async Task Help_says_how_to_install_it_in_each_shell()
    {
        var result = await _host.RunAsync("completion", "--help");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("echo 'source <(truto completion bash)' >> ~/.bashrc");
        result.Stdout.ShouldContain("truto completion fish > ~/.config/fish/completions/truto.fish");
        result.Stdout.ShouldContain("zsh");
        result.Stdout.ShouldContain("powershell");
    }
}
