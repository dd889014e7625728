using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Terminal;
using Truto.Plugins.Build.Refinement;
using Truto.Plugins.Build.Sources;

namespace Truto.Plugins.Build.Interactive;

/// <summary>
/// Phase B of a build on a terminal: ask for an instruction, let the refiner propose a change (or open the editor
/// for ':edit'), show what it changes, and keep it only if the user accepts. An empty line finishes.
/// </summary>
internal sealed class InstructionLoop(
    IIntegrationRefiner refiner,
    IPrompter prompter,
    TextWriter messages,
    Func<JObject, CancellationToken, Task<JObject?>> edit,
    Action? proposalDone = null)
{
    /// <param name="onAccepted">Called with the file after each accepted change (the build saves its working file).</param>
    public async Task<JObject> RunAsync(JObject integration, ISourceIndex index, RefinementOptions options, Func<JObject, Task> onAccepted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var instruction = (await prompter.AskAsync("Instruction (':edit' opens the editor, Enter to finish)", "", cancellationToken)).Trim();
            if (instruction.Length == 0)
            {
                return integration;
            }

            JObject proposed;
            if (instruction == ":edit")
            {
                if (await edit(integration, cancellationToken) is not { } edited)
                {
                    continue;
                }

                proposed = edited;
            }
            else
            {
                RefinementResult result;
                try
                {
                    result = await refiner.ProposeAsync(integration, index, instruction, options, cancellationToken);
                }
                finally
                {
                    // The refiner's progress may have left a bar on the line: end it before the summary.
                    proposalDone?.Invoke();
                }

                proposed = result.Integration;
                await messages.WriteLineAsync(result.Summary);
            }

            var summary = DiffSummary(integration, proposed);
            await messages.WriteLineAsync(summary.Count == 0 ? "No changes." : "Changes:\n  " + string.Join("\n  ", summary));
            if (summary.Count > 0 && await prompter.ConfirmAsync("Accept these changes?", true, cancellationToken))
            {
                integration = proposed;
                await onAccepted(integration);
            }
        }
    }

    /// <summary>What a proposal changes, in a few lines: sections, resources and methods.</summary>
    internal static List<string> DiffSummary(JObject before, JObject after)
    {
        var lines = new List<string>();
        foreach (var key in new[] { "name", "label", "category", "sharing" })
        {
            if (!JToken.DeepEquals(before[key], after[key]))
            {
                lines.Add($"{key}: {before[key]} -> {after[key]}");
            }
        }

        var beforeConfig = before["config"] as JObject ?? [];
        var afterConfig = after["config"] as JObject ?? [];
        foreach (var key in beforeConfig.Properties().Select(p => p.Name).Union(afterConfig.Properties().Select(p => p.Name)).Where(k => k != "resources"))
        {
            if (!JToken.DeepEquals(beforeConfig[key], afterConfig[key]))
            {
                lines.Add($"config.{key} {(beforeConfig[key] is null ? "added" : afterConfig[key] is null ? "removed" : "changed")}");
            }
        }

        var beforeMethods = Methods(beforeConfig);
        var afterMethods = Methods(afterConfig);
        foreach (var added in afterMethods.Keys.Except(beforeMethods.Keys))
        {
            lines.Add($"+ {added}");
        }

        foreach (var removed in beforeMethods.Keys.Except(afterMethods.Keys))
        {
            lines.Add($"- {removed}");
        }

        foreach (var changed in beforeMethods.Keys.Intersect(afterMethods.Keys).Where(k => !JToken.DeepEquals(beforeMethods[k], afterMethods[k])))
        {
            lines.Add($"~ {changed}");
        }

        var beforeDocs = (before["documentation"] as JArray)?.Count ?? 0;
        var afterDocs = (after["documentation"] as JArray)?.Count ?? 0;
        if (!JToken.DeepEquals(before["documentation"], after["documentation"]))
        {
            lines.Add($"documentation: {beforeDocs} -> {afterDocs} row(s)");
        }

        return lines;
    }

    private static Dictionary<string, JToken> Methods(JObject config) =>
        (config["resources"] as JObject ?? []).Properties()
            .SelectMany(r => (r.Value as JObject ?? []).Properties().Select(m => (Key: $"{r.Name}.{m.Name}", m.Value)))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
}
