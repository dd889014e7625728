using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>Writes JSON with Newtonsoft, so rows stored as <see cref="JObject"/> go out exactly as stored.</summary>
internal sealed class JsonResponse(Action<JsonWriter> write, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public JsonResponse(JToken body, int statusCode = StatusCodes.Status200OK)
        : this(json => body.WriteTo(json), statusCode)
    {
    }

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, write, statusCode);

    public static Task WriteAsync(HttpContext context, JToken body, int statusCode = StatusCodes.Status200OK) =>
        WriteAsync(context, json => body.WriteTo(json), statusCode);

    /// <summary>
    /// Serializes straight into pooled UTF-8 chunks (no string, no large-object-heap buffer: a 5,000-row page is
    /// about 1.4 MB), then sends them with their Content-Length; Kestrel forbids synchronous body writes.
    /// </summary>
    private static async Task WriteAsync(HttpContext context, Action<JsonWriter> write, int statusCode)
    {
        using var bytes = new PooledBody();
        using (var text = new StreamWriter(bytes, Utf8, bufferSize: 16 * 1024, leaveOpen: true))
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            write(json);
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        await bytes.SendAsync(context.Response.Body, context.RequestAborted);
    }
}
