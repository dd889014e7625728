using System.Net;
using Polly;
using Polly.Retry;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Api;

/// <summary>
/// Retries with exponential backoff and jitter, bounded in count and in wait: rate limits (429, honouring
/// Retry-After) for every request, since the server did not process it; 500/502/503/504, timeouts and connection
/// failures only for idempotent requests, never for a write that might have been applied.
/// </summary>
internal static class RetryPolicy
{
    public const int MaxRetries = 3;
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline<HttpResponseMessage> Create(HttpMethod method, TimeSpan baseDelay, IStandardStreams streams, bool verbose)
    {
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete;

        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = MaxWait,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
                    { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => idempotent,
                    { Exception: HttpRequestException or AttemptTimeoutException } => idempotent,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    if (verbose)
                    {
                        var why = args.Outcome.Result is { } response ? $"{(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name;
                        streams.Error.WriteLine($"  retry {args.AttemptNumber + 1} of {MaxRetries} in {args.RetryDelay.TotalMilliseconds:0} ms ({why})");
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>The wait a 429 asked for (capped), or null for the backoff's own.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response is not { StatusCode: HttpStatusCode.TooManyRequests })
        {
            return null;
        }

        var asked = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        return asked is null ? null : TimeSpan.FromTicks(Math.Clamp(asked.Value.Ticks, 0, MaxWait.Ticks));
    }
}

/// <summary>One attempt took longer than the configured timeout.</summary>
internal sealed class AttemptTimeoutException(TimeSpan timeout) : Exception($"no answer within {timeout.TotalSeconds:0.#} s")
{
    public TimeSpan Timeout { get; } = timeout;
}
