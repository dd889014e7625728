namespace Truto.Plugins.Build.Llm;

/// <summary>
/// How the Anthropic calls behave on the wire: retries of 429/5xx/529 and the waits between them, and the limits of
/// one call. The defaults suit real use; tests shorten the waits.
/// </summary>
/// <param name="MaxRetries">Retries after the first attempt for 408, 409, 429 and 5xx (529 included).</param>
/// <param name="FirstRetryDelay">The first backoff when the answer names no wait; doubled per retry.</param>
/// <param name="MaxRetryDelay">The longest wait obeyed, also for a server's <c>retry-after</c>; longer waits fail instead.</param>
/// <param name="MaxTokens">The <c>max_tokens</c> of each call.</param>
/// <param name="Timeout">One call's timeout (set explicitly so the SDK never refuses a non-streaming call).</param>
internal sealed record AnthropicTransportSettings(int MaxRetries, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay, int MaxTokens, TimeSpan Timeout)
{
    public static AnthropicTransportSettings Default { get; } =
        new(MaxRetries: 3, FirstRetryDelay: TimeSpan.FromSeconds(1), MaxRetryDelay: TimeSpan.FromSeconds(60), MaxTokens: 8000, Timeout: TimeSpan.FromMinutes(5));

    /// <summary>How long responses stay in the cache.</summary>
    public static TimeSpan CacheTimeToLive { get; } = TimeSpan.FromDays(7);
}
