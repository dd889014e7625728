using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.ByokStubs;

/// <summary>
/// A loopback Anthropic Messages API (<c>POST /v1/messages</c>) that answers from a script the test queues:
/// text turns, tool_use turns, any stop_reason, and errors (429 with retry-after, 500, 529) in the shapes of
/// the real API. Every request is recorded. A request without a key (<c>x-api-key</c>, or <c>Authorization: Bearer</c>
/// as SDK 13.x sends it) or without <c>anthropic-version</c> gets the API's 401/400; so does a request when the script
/// is empty (500 <c>api_error</c> naming the problem), so a test notices calls it did not plan for.
/// <code>
/// await using var anthropic = await AnthropicStub.StartAsync();
/// anthropic.EnqueueToolUse("read_source_overview", new { });
/// anthropic.EnqueueText("Done.");
/// // ... point the client at anthropic.BaseUrl, then assert on anthropic.Requests
/// </code>
/// </summary>
public sealed class AnthropicStub : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ScriptedReply> _script;
    private int _served;

    private AnthropicStub(LoopbackServer server, ConcurrentQueue<ScriptedReply> script)
    {
        _server = server;
        _script = script;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/</c>; the stub serves <c>/v1/messages</c> under it.</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Every request received, in order (a snapshot), including the ones answered with errors.</summary>
    public IReadOnlyList<AnthropicRequest> Requests => _server.Requests.Select(r => new AnthropicRequest(r)).ToArray();

    /// <summary>Replies still queued.</summary>
    public int Pending => _script.Count;

    /// <summary>Starts the stub on a free loopback port.</summary>
    public static async Task<AnthropicStub> StartAsync()
    {
        var script = new ConcurrentQueue<ScriptedReply>();
        AnthropicStub? stub = null;
        var server = await LoopbackServer.StartAsync((context, request) => stub!.HandleAsync(context, request));
        stub = new AnthropicStub(server, script);
        return stub;
    }

    /// <summary>Queues an assistant turn with one text block.</summary>
    public AnthropicStub EnqueueText(string text, string stopReason = "end_turn") =>
        EnqueueMessage(stopReason, new JObject { ["type"] = "text", ["text"] = text });

    /// <summary>Queues an assistant turn that calls one tool (stop_reason <c>tool_use</c>); the input is any object.</summary>
    public AnthropicStub EnqueueToolUse(string name, object input, string? text = null) =>
        EnqueueToolUses(text, (name, input));

    /// <summary>Queues an assistant turn that calls several tools at once, optionally after some text.</summary>
    public AnthropicStub EnqueueToolUses(string? text, params (string Name, object Input)[] calls)
    {
        var blocks = new List<JObject>();
        if (text is not null)
        {
            blocks.Add(new JObject { ["type"] = "text", ["text"] = text });
        }

        foreach (var (name, input) in calls)
        {
            blocks.Add(new JObject
            {
                ["type"] = "tool_use",
                ["id"] = $"toolu_{Guid.NewGuid():N}"[..30],
                ["name"] = name,
                ["input"] = input as JToken ?? JToken.FromObject(input),
            });
        }

        return EnqueueMessage("tool_use", blocks.ToArray());
    }

    /// <summary>Queues an assistant turn with the given content blocks and stop_reason.</summary>
    public AnthropicStub EnqueueMessage(string stopReason, params JObject[] content)
    {
        _script.Enqueue(new ScriptedReply(200, null, stopReason, new JArray(content), new Dictionary<string, string>()));
        return this;
    }

    /// <summary>Queues an error in the API's shape: <c>{"type":"error","error":{"type":…,"message":…},"request_id":…}</c>.</summary>
    public AnthropicStub EnqueueError(int status, string errorType, string message, IReadOnlyDictionary<string, string>? headers = null)
    {
        var error = new JObject { ["type"] = errorType, ["message"] = message };
        _script.Enqueue(new ScriptedReply(status, error, null, null, headers ?? new Dictionary<string, string>()));
        return this;
    }

    /// <summary>Queues a 429 <c>rate_limit_error</c> with <c>retry-after</c> in seconds (0 keeps tests fast).</summary>
    public AnthropicStub EnqueueRateLimit(int retryAfterSeconds = 0) =>
        EnqueueError(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit",
            new Dictionary<string, string> { ["retry-after"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Queues a 529 <c>overloaded_error</c>.</summary>
    public AnthropicStub EnqueueOverloaded() => EnqueueError(529, "overloaded_error", "Overloaded");

    /// <summary>Queues a 500 <c>api_error</c>.</summary>
    public AnthropicStub EnqueueServerError() => EnqueueError(500, "api_error", "Internal server error");

    private async Task HandleAsync(HttpContext context, StubRequest request)
    {
        var id = Interlocked.Increment(ref _served);
        var headers = new Dictionary<string, string> { ["request-id"] = $"req_stub{id:D6}" };
        if (request.Method != "POST" || request.Path != "/v1/messages")
        {
            await WriteErrorAsync(context, 404, "not_found_error", $"The stub serves POST /v1/messages, not {request.Method} {request.Path}.", headers);
            return;
        }

        var key = new AnthropicRequest(request).ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            await WriteErrorAsync(context, 401, "authentication_error", "x-api-key header is required", headers);
            return;
        }

        if (request.Header("anthropic-version") is null)
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", "anthropic-version header is required", headers);
            return;
        }

        if (!_script.TryDequeue(out var reply))
        {
            await WriteErrorAsync(context, 500, "api_error", "AnthropicStub: no scripted response left for this request", headers);
            return;
        }

        foreach (var (name, value) in reply.Headers)
        {
            headers[name] = value;
        }

        if (reply.Error is not null)
        {
            await WriteErrorAsync(context, reply.Status, (string)reply.Error["type"]!, (string)reply.Error["message"]!, headers);
            return;
        }

        var body = JObject.Parse(request.Body);
        var message = new JObject
        {
            ["id"] = $"msg_stub{id:D6}",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = body["model"]?.ToString() ?? "claude-stub",
            ["content"] = reply.Content,
            ["stop_reason"] = reply.StopReason,
            ["stop_sequence"] = null,
            ["usage"] = new JObject
            {
                ["input_tokens"] = Math.Max(1, request.Body.Length / 4),
                ["output_tokens"] = Math.Max(1, reply.Content!.ToString(Formatting.None).Length / 4),
                ["cache_creation_input_tokens"] = 0,
                ["cache_read_input_tokens"] = 0,
            },
        };
        await LoopbackServer.WriteJsonAsync(context, 200, message.ToString(Formatting.None), headers);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string type, string message, IReadOnlyDictionary<string, string> headers)
    {
        var body = new JObject
        {
            ["type"] = "error",
            ["error"] = new JObject { ["type"] = type, ["message"] = message },
            ["request_id"] = headers.TryGetValue("request-id", out var id) ? id : null,
        };
        return LoopbackServer.WriteJsonAsync(context, status, body.ToString(Formatting.None), headers);
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed record ScriptedReply(int Status, JObject? Error, string? StopReason, JArray? Content, IReadOnlyDictionary<string, string> Headers);
}

/// <summary>One Messages request as the stub received it, with the parts tests assert on picked out.</summary>
public sealed class AnthropicRequest
{
    internal AnthropicRequest(StubRequest raw)
    {
        Raw = raw;
        Body = raw.Body.Length > 0 && raw.Body.TrimStart().StartsWith('{') ? JObject.Parse(raw.Body) : new JObject();
    }

    /// <summary>The request as sent.</summary>
    public StubRequest Raw { get; }

    /// <summary>The JSON body.</summary>
    public JObject Body { get; }

    /// <summary>The key, from <c>x-api-key</c>, else from <c>Authorization: Bearer</c>, else null.</summary>
    public string? ApiKey => Raw.Header("x-api-key") ?? (Raw.Header("authorization") is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null);

    /// <summary>The <c>model</c> field.</summary>
    public string? Model => Body["model"]?.ToString();

    /// <summary>The system prompt: the string, or the text blocks joined by newlines.</summary>
    public string System => Body["system"] switch
    {
        JValue value => value.ToString(),
        JArray blocks => string.Join("\n", blocks.Select(b => b["text"]?.ToString())),
        _ => "",
    };

    /// <summary>The <c>messages</c> array.</summary>
    public JArray Messages => Body["messages"] as JArray ?? new JArray();

    /// <summary>The names of the tools offered.</summary>
    public IReadOnlyList<string> ToolNames => (Body["tools"] as JArray ?? new JArray()).Select(t => t["name"]!.ToString()).ToArray();

    /// <summary>The tool_result blocks of the last message (the answers to the previous turn's tool calls).</summary>
    public IReadOnlyList<JObject> ToolResults =>
        (Messages.LastOrDefault()?["content"] as JArray ?? new JArray()).OfType<JObject>().Where(b => (string?)b["type"] == "tool_result").ToArray();
}
