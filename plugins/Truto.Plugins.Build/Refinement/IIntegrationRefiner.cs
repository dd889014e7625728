using Newtonsoft.Json.Linq;
using Truto.Plugins.Build.Sources;

namespace Truto.Plugins.Build.Refinement;

/// <summary>
/// Improves an extracted IntegrationFile with the user's Anthropic key: an agent loop whose tools read the sources
/// and patch the working file. The build command owns flags, keys and files; this owns the conversation.
/// </summary>
internal interface IIntegrationRefiner
{
    /// <summary>Runs the automatic phase and returns the improved file (the input is not modified).</summary>
    Task<RefinementResult> RefineAsync(JObject integration, ISourceIndex sources, RefinementOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// One interactive step: the agent proposes a patch for <paramref name="instruction"/>; the caller shows it and
    /// decides whether to keep <see cref="RefinementResult.Integration"/>.
    /// </summary>
    Task<RefinementResult> ProposeAsync(JObject integration, ISourceIndex sources, string instruction, RefinementOptions options, CancellationToken cancellationToken);
}

/// <param name="ApiKey">The Anthropic key (a secret: never logged, cached or written).</param>
/// <param name="BaseUrl">The Anthropic endpoint: <c>--anthropic-base-url</c> &gt; <c>ANTHROPIC_BASE_URL</c> &gt; the public default.</param>
/// <param name="Model">The model: <c>--anthropic-model</c> or the default.</param>
/// <param name="MaxTurns">The turn budget: <c>--max-turns</c>.</param>
/// <param name="CacheDirectory">Where responses are cached (<c>~/.truto/cache/anthropic</c>), or null with <c>--no-llm-cache</c>.</param>
/// <param name="RefreshCache">True with <c>--refresh-llm-cache</c>: ignore cached answers, store new ones.</param>
/// <param name="Instructions">Standing instructions from <c>--instructions</c>, or null.</param>
/// <param name="Progress">Receives one short line per agent step, for stderr.</param>
internal sealed record RefinementOptions(
    string ApiKey,
    Uri BaseUrl,
    string Model,
    int MaxTurns,
    string? CacheDirectory,
    bool RefreshCache,
    string? Instructions,
    Action<string> Progress)
{
    public override string ToString() => $"model {Model}, {MaxTurns} turns at {BaseUrl}";
}

/// <param name="Integration">The file after the agent's accepted patches.</param>
/// <param name="Turns">Turns used.</param>
/// <param name="Finished">True when the agent signalled completion; false when the budget ran out.</param>
/// <param name="Summary">The agent's own summary of what it changed, or of why it stopped.</param>
internal sealed record RefinementResult(JObject Integration, int Turns, bool Finished, string Summary);
