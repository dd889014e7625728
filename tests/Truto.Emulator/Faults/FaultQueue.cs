using Truto.Emulator.Faults;
using Truto.Emulator.Http;

namespace Truto.Emulator;

/// <summary>
/// Faults the emulator answers with instead of the normal response. Each applies to the next <c>times</c> requests
/// whose path (and query) starts with <c>pathPrefix</c> (null: any request), before authentication; when several are
/// queued, the oldest matching one is used (one fault per request). Thread-safe.
/// </summary>
public sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<QueuedFault> _queue = [];

    internal FaultQueue()
    {
    }

    /// <summary>How many requests queued faults will still apply to.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Sum(q => q.Remaining);
            }
        }
    }

    /// <summary>
    /// Answer with <paramref name="statusCode"/> and an error envelope. With <paramref name="retryAfter"/>, also a
    /// <c>Retry-After</c> header in whole seconds (a fraction rounds up; zero is sent as <c>0</c>).
    /// </summary>
    public void Status(int statusCode, int times = 1, string? pathPrefix = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        Enqueue(new StatusFault(statusCode, retryAfter), times, pathPrefix);
    }

    /// <summary>Wait <paramref name="delay"/>, then answer normally (the wait ends early if the client gives up).</summary>
    public void Latency(TimeSpan delay, int times = 1, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Enqueue(new LatencyFault(delay), times, pathPrefix);
    }

    /// <summary>Close the connection without sending anything.</summary>
    public void DropConnection(int times = 1, string? pathPrefix = null) => Enqueue(new DropConnectionFault(), times, pathPrefix);

    /// <summary>Start a 200 JSON response with its full Content-Length, send about half the body, then close.</summary>
    public void ResetMidBody(int times = 1, string? pathPrefix = null) => Enqueue(new ResetMidBodyFault(), times, pathPrefix);

    /// <summary>Answer 200 <c>application/json</c> with a body cut off in the middle of a row.</summary>
    public void MalformedJson(int times = 1, string? pathPrefix = null) => Enqueue(new MalformedJsonFault(), times, pathPrefix);

    /// <summary>Answer with a proxy's HTML error page (<c>text/html</c>) instead of JSON.</summary>
    public void HtmlErrorPage(int statusCode = 502, int times = 1, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        Enqueue(new HtmlErrorPageFault(statusCode), times, pathPrefix);
    }

    /// <summary>
    /// Answer 200 with a valid JSON list envelope of exactly <paramref name="bytes"/> bytes (or the smallest
    /// such envelope, about 130 bytes, if that is more).
    /// </summary>
    public void LargeBody(int bytes, int times = 1, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Enqueue(new LargeBodyFault(bytes), times, pathPrefix);
    }

    /// <summary>Forgets every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    /// <summary>Middleware: answers with the oldest matching fault, if any, else goes on.</summary>
    internal Task ApplyAsync(HttpContext context, RequestDelegate next) =>
        TryTake(context.Request) is { } fault ? fault.RespondAsync(context, next) : next(context);

    private Fault? TryTake(HttpRequest request)
    {
        lock (_gate)
        {
            var queued = _queue.FirstOrDefault(q => q.PathPrefix is null || RequestTarget.StartsWith(request, q.PathPrefix));
            if (queued is null)
            {
                return null;
            }

            if (--queued.Remaining == 0)
            {
                _queue.Remove(queued);
            }

            return queued.Fault;
        }
    }

    private void Enqueue(Fault fault, int times, string? pathPrefix)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _queue.Add(new QueuedFault(fault, pathPrefix) { Remaining = times });
        }
    }

    private sealed class QueuedFault(Fault fault, string? pathPrefix)
    {
        public Fault Fault { get; } = fault;

        public string? PathPrefix { get; } = pathPrefix;

        public int Remaining { get; set; }
    }
}
