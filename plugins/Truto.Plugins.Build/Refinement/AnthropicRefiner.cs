using Anthropic.Models.Messages;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Plugins.Build.Llm;
using Truto.Plugins.Build.Sources;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Truto.Plugins.Build.Refinement;

/// <summary>
/// The refinement agent over the Anthropic Messages API: a hand-written tool loop (the SDK's tool runner is beta).
/// Each turn sends the conversation; tool calls run against the sources and the working file and answer in one user
/// message of tool_results. The run ends when the agent calls <c>finish</c> (and, for the automatic phase, the file
/// passes validation), or when <see cref="RefinementOptions.MaxTurns"/> API calls have been made.
/// </summary>
internal sealed class AnthropicRefiner : IIntegrationRefiner
{
    private const string NudgeToContinue = "Continue with the tools. When the file meets the checklist, call validate_integration and then finish.";

    private readonly AnthropicTransportSettings _settings;
    private readonly TimeProvider _time;

    public AnthropicRefiner(AnthropicTransportSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
    }

    public Task<RefinementResult> RefineAsync(JObject integration, ISourceIndex sources, RefinementOptions options, CancellationToken cancellationToken) =>
        RunAsync(RefinementMode.Refine, integration, sources,
            $"Refine this IntegrationFile against the sources.\n\n```json\n{integration.ToString(Formatting.None)}\n```",
            options, cancellationToken);

    public Task<RefinementResult> ProposeAsync(JObject integration, ISourceIndex sources, string instruction, RefinementOptions options, CancellationToken cancellationToken) =>
        RunAsync(RefinementMode.Propose, integration, sources,
            $"Instruction: {instruction}\n\nThe current IntegrationFile:\n```json\n{integration.ToString(Formatting.None)}\n```",
            options, cancellationToken);

    private async Task<RefinementResult> RunAsync(RefinementMode mode, JObject integration, ISourceIndex sources, string task, RefinementOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTurns, 1);
        var tools = new AgentTools((JObject)integration.DeepClone(), sources, requireCleanValidation: mode == RefinementMode.Refine);
        var system = SystemPrompt.For(mode, options.Instructions);
        var messages = new List<MessageParam> { new UserMessageParam { Content = task } };
        using var session = new AnthropicSession(options.ApiKey, options.BaseUrl, options.CacheDirectory, options.RefreshCache, _settings, _time);

        for (var turn = 1; turn <= options.MaxTurns; turn++)
        {
            var hitsBefore = session.CacheHits;
            var reply = await session.CreateAsync(new MessageCreateParams
            {
                Model = options.Model,
                MaxTokens = _settings.MaxTokens,
                System = system,
                Tools = [.. AgentTools.Definitions],
                ToolChoice = new ToolChoiceAuto(),
                Messages = [.. messages],
            }, cancellationToken);

            var step = $"turn {turn}/{options.MaxTurns}{(session.CacheHits > hitsBefore ? " (cached)" : "")}";
            var echo = new List<ContentBlockParam>();
            var calls = new List<ToolUseBlock>();
            var text = "";
            foreach (var block in reply.Content)
            {
                if (block.TryPickText(out var t))
                {
                    text += t.Text;
                    echo.Add(new TextBlockParam { Text = t.Text });
                }
                else if (block.TryPickToolUse(out var call))
                {
                    calls.Add(call);
                    echo.Add(new ToolUseBlockParam { ID = call.ID, Name = call.Name, Input = call.Input });
                }
            }

            if (echo.Count > 0)
            {
                messages.Add(new AssistantMessageParam { Content = echo });
            }

            var stop = reply.StopReason?.Raw() ?? "";
            if (calls.Count > 0)
            {
                var results = new List<ContentBlockParam>();
                foreach (var call in calls)
                {
                    var input = JObject.Parse(JsonSerializer.Serialize(call.Input));
                    var outcome = tools.Run(call.Name, input);
                    options.Progress($"{step}: {call.Name}{(outcome.Step is null ? "" : " - " + outcome.Step)}");
                    if (outcome.FinishedSummary is { } summary)
                    {
                        return new RefinementResult(tools.Working, turn, true, summary);
                    }

                    results.Add(new ToolResultBlockParam { ToolUseID = call.ID, Content = outcome.Content, IsError = outcome.IsError ? true : null });
                }

                messages.Add(new UserMessageParam { Content = results });
                continue;
            }

            options.Progress($"{step}: {stop}");
            switch (stop)
            {
                case "pause_turn":
                    // The API paused a long turn: sending the conversation back unchanged resumes it.
                    break;
                case "refusal":
                    return new RefinementResult(tools.Working, turn, false, $"The model declined to continue: {text}".Trim());
                case "end_turn" when mode == RefinementMode.Propose:
                    return new RefinementResult(tools.Working, turn, true, text.Trim());
                case "max_tokens":
                    messages.Add(new UserMessageParam { Content = "Your answer was cut off. Continue, in smaller steps." });
                    break;
                default:
                    messages.Add(new UserMessageParam { Content = NudgeToContinue });
                    break;
            }
        }

        return new RefinementResult(tools.Working, options.MaxTurns, false,
            $"Stopped after {options.MaxTurns} turns (the --max-turns budget) before the agent finished; {tools.PatchesApplied} patch(es) applied.");
    }
}
