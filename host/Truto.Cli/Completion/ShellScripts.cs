namespace Truto.Cli.Completion;

/// <summary>
/// The completion script for each shell. Each is a thin adapter: it hands the words typed so far to
/// <c>truto __complete</c> and offers what comes back, so the live command tree (plugins included) decides.
/// </summary>
internal static class ShellScripts
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish", "powershell"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        "powershell" => PowerShell,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, null),
    };

    private const string Bash = """
        # truto completion for bash. Install: echo 'source <(truto completion bash)' >> ~/.bashrc
        _truto_complete() {
            local IFS=$'\n'
            COMPREPLY=($(truto __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
        }
        complete -o default -F _truto_complete truto

        """;

    private const string Zsh = """
        #compdef truto
        # truto completion for zsh. Install: echo 'source <(truto completion zsh)' >> ~/.zshrc (after compinit),
        # or save it as _truto in a folder of $fpath.
        _truto() {
            local -a candidates
            candidates=(${(f)"$(truto __complete "${(@)words[2,CURRENT]}" 2>/dev/null)"})
            if (( ${#candidates} )); then
                compadd -Q -- "${candidates[@]}"
            else
                _files
            fi
        }
        if [ "$funcstack[1]" = "_truto" ]; then
            _truto "$@"
        else
            compdef _truto truto
        fi

        """;

    private const string Fish = """
        # truto completion for fish. Install: truto completion fish > ~/.config/fish/completions/truto.fish
        function __truto_complete
            set -l words (commandline -opc)
            truto __complete $words[2..-1] (commandline -ct) 2>/dev/null
        end
        complete -c truto -f -a '(__truto_complete)'

        """;

    private const string PowerShell = """
        # truto completion for PowerShell. Install: truto completion powershell | Out-String | Invoke-Expression
        # (add that line to $PROFILE to keep it).
        Register-ArgumentCompleter -Native -CommandName truto -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $words = @($commandAst.CommandElements | Select-Object -Skip 1 |
                Where-Object { $_.Extent.EndOffset -le $cursorPosition } | ForEach-Object { $_.ToString() })
            if ($wordToComplete -eq '') { $words += '' }
            & truto __complete @words 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
