using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>
/// A JSON body: a <see cref="JToken"/> written with Newtonsoft, so rows stored as <see cref="JObject"/> go out exactly
/// as stored, or UTF-8 JSON bytes that <c>writeBody</c> writes itself (a list page copying its rows' kept JSON).
/// </summary>
internal sealed class JsonResponse(Action<Stream> writeBody, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";
    private static readonly UTF8Encoding Utf8Encoding = new(encoderShouldEmitUTF8Identifier: false);

    public JsonResponse(JToken body, int statusCode = StatusCodes.Status200OK)
        : this(stream => WriteJson(stream, body), statusCode)
    {
    }

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, writeBody, statusCode);

    public static Task WriteAsync(HttpContext context, JToken body, int statusCode = StatusCodes.Status200OK) =>
        WriteAsync(context, stream => WriteJson(stream, body), statusCode);

    private static void WriteJson(Stream stream, JToken body)
    {
        using var text = new StreamWriter(stream, Utf8Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        using var json = new JsonTextWriter(text) { Formatting = Formatting.None };
        body.WriteTo(json);
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
