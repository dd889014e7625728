using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>
/// Writes JSON with Newtonsoft, so rows stored as <see cref="JObject"/> go out exactly as stored; or, for a body
/// already held as UTF-8 JSON, copies its bytes (<see cref="Utf8"/>).
/// </summary>
internal sealed class JsonResponse(Action<Stream> writeBody, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";
    private static readonly UTF8Encoding Utf8Encoding = new(encoderShouldEmitUTF8Identifier: false);

    public JsonResponse(Action<JsonWriter> write, int statusCode = StatusCodes.Status200OK)
        : this(body => WriteJson(body, write), statusCode)
    {
    }

    public JsonResponse(JToken body, int statusCode = StatusCodes.Status200OK)
        : this(json => body.WriteTo(json), statusCode)
    {
    }

    /// <summary>A 200 whose body <paramref name="writeBody"/> writes as UTF-8 JSON bytes.</summary>
    public static JsonResponse Utf8(Action<Stream> writeBody) => new(writeBody);

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, writeBody, statusCode);

    public static Task WriteAsync(HttpContext context, JToken body, int statusCode = StatusCodes.Status200OK) =>
        WriteAsync(context, stream => WriteJson(stream, json => body.WriteTo(json)), statusCode);

    private static void WriteJson(Stream body, Action<JsonWriter> write)
    {
        using var text = new StreamWriter(body, Utf8Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        using var json = new JsonTextWriter(text) { Formatting = Formatting.None };
        write(json);
    }

    /// <summary>
    /// Collects the body in pooled chunks (no string, no large-object-heap buffer: a 5,000-row page is about 1.4 MB),
    /// then sends them with their Content-Length; Kestrel forbids synchronous body writes.
    /// </summary>
    private static async Task WriteAsync(HttpContext context, Action<Stream> writeBody, int statusCode)
    {
        using var bytes = new PooledBody();
        writeBody(bytes);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        await bytes.SendAsync(context.Response.Body, context.RequestAborted);
    }
}
