namespace Truto.Emulator.Recording;

/// <summary>Every request the emulator received, in arrival order. Thread-safe.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>
    /// Middleware: records the request (body included, left readable for the handler), then goes on. A request whose
    /// client is already gone by the time the server gets to it is still recorded, with an empty body if that could
    /// not be read, and goes no further.
    /// </summary>
    public async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        request.EnableBuffering();
        string body;
        var clientGone = false;
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            try
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                body = "";
                clientGone = true;
            }
        }

        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        lock (_gate)
        {
            _requests.Add(recorded);
        }

        if (clientGone)
        {
            return;
        }

        request.Body.Position = 0;
        await next(context);
    }
}
