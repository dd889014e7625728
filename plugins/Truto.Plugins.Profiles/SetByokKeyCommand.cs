using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Plugins.Profiles;

[Command("set-key", Description = "Save a bring-your-own key (anthropic, firecrawl, fireworks) on the active profile.",
    ExtendedHelpText = """

Without a value, asks for it with a masked prompt on a terminal, or reads one line from stdin
when piped, so the key stays out of shell history and the process list.

Examples:
  truto profiles set-key anthropic
  printf '%s\n' "$FIRECRAWL_API_KEY" | truto profiles set-key firecrawl
""")]
public sealed class SetByokKeyCommand(IProfileStore store, IInvocationContext context, IStandardStreams streams, IPrompter prompter) : ITrutoCommand
{
    internal static readonly string[] Providers = ["anthropic", "firecrawl", "fireworks"];

    [Required(ErrorMessage = "name the provider: anthropic, firecrawl or fireworks")]
    [Argument(0, "provider", "anthropic, firecrawl or fireworks.")]
    [Completion(CompletionAttribute.ByokProviders)]
    public string? Provider { get; set; }

    [Argument(1, "value", "The key. Omit it to be asked (or to read it from stdin).")]
    public string? Value { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        // Validate the provider and the target profile before asking for anything.
        var provider = Provider!.Trim().ToLowerInvariant();
        if (!Providers.Contains(provider))
        {
            throw new UsageException($"unknown provider '{Provider}'", "Use one of: anthropic, firecrawl, fireworks.");
        }

        var target = TargetProfile.NameIn(await store.ReadAsync(cancellationToken), context);
        var key = (Value ?? await ReadKeyAsync(provider, cancellationToken)).Trim();
        if (key.Length == 0)
        {
            throw new UsageException($"no {provider} key given", $"Pass it as an argument, type it at the prompt, or pipe it: printf '%s\\n' \"$KEY\" | truto profiles set-key {provider}");
        }

        await store.UpdateAsync(config =>
        {
            var profile = config.Profiles.TryGetValue(target, out var existing)
                ? existing
                : throw new CliException($"profile '{target}' was removed meanwhile", "Run 'truto login' and try again.");
            profile = provider switch
            {
                "anthropic" => profile with { AnthropicApiKey = key },
                "firecrawl" => profile with { FirecrawlApiKey = key },
                _ => profile with { FireworksApiKey = key },
            };
            return config with { Profiles = new Dictionary<string, Profile>(config.Profiles) { [target] = profile } };
        }, cancellationToken);

        // Confirmation on stderr even under machine formats, and never the key itself.
        await streams.Error.WriteLineAsync($"Saved the {provider} key to profile '{target}'.");
        return ExitCodes.Success;
    }

    private async Task<string> ReadKeyAsync(string provider, CancellationToken cancellationToken)
    {
        if (streams.IsInputTerminal)
        {
            return await prompter.AskSecretAsync($"{provider} API key", cancellationToken);
        }

        return await streams.In.ReadLineAsync(cancellationToken) ?? "";
    }
}
