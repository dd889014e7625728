using System.Text;

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
    /// client is already gone (it gave up waiting while the server was busy) is still recorded, with the body read
    /// so far, and goes no further: tests count the attempts a client made.
    /// </summary>
    public async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        request.EnableBuffering();
        var body = new StringBuilder();
        var clientGone = false;
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            try
            {
                var buffer = new char[4096];
                int read;
                while ((read = await reader.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    body.Append(buffer, 0, read);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                clientGone = true;
            }
        }

        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToString());
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
