using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Completion;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.HostCommands;

[Command("completion", Description = "Print the shell completion script for bash, zsh, fish or powershell.",
    ExtendedHelpText = """

Completes commands, subcommands, options and their values (output formats, profile names,
profile keys), plugins' commands included, by asking 'truto __complete' as you type.

Install:
  bash        echo 'source <(truto completion bash)' >> ~/.bashrc
  zsh         echo 'source <(truto completion zsh)' >> ~/.zshrc     (after compinit)
  fish        truto completion fish > ~/.config/fish/completions/truto.fish
  powershell  truto completion powershell | Out-String | Invoke-Expression   (add to $PROFILE)

Examples:
  truto completion bash
  source <(truto completion zsh)
""")]
internal sealed class CompletionCommand(IStandardStreams streams) : ITrutoCommand
{
    [Required(ErrorMessage = "name the shell: bash, zsh, fish or powershell")]
    [Argument(0, "shell", "bash, zsh, fish or powershell.")]
    [CompletionValues("bash", "zsh", "fish", "powershell")]
    public string? Shell { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var shell = Shell!.Trim().ToLowerInvariant();
        if (!ShellScripts.Shells.Contains(shell))
        {
            throw new UsageException($"unknown shell '{Shell}'", "Use one of: bash, zsh, fish, powershell.");
        }

        await streams.Out.WriteAsync(ShellScripts.For(shell));
        return ExitCodes.Success;
    }
}
