using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>Writes JSON with Newtonsoft, so rows stored as <see cref="JObject"/> go out exactly as stored.</summary>
internal sealed class JsonResponse(JToken body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, body, statusCode);

    /// <summary>
    /// Serializes straight into UTF-8 bytes (no intermediate string: a 5,000-row page is about 1.4 MB), then sends
    /// them with their Content-Length in one asynchronous write, as Kestrel forbids synchronous body writes.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, JToken body, int statusCode = StatusCodes.Status200OK)
    {
        using var bytes = new MemoryStream();
        using (var text = new StreamWriter(bytes, Utf8, bufferSize: 64 * 1024, leaveOpen: true))
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            body.WriteTo(json);
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.GetBuffer().AsMemory(0, (int)bytes.Length), context.RequestAborted);
    }
}
