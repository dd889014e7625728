using System.Text;

namespace Truto.Emulator.Http;

/// <summary>Writes a whole body with its Content-Length.</summary>
internal static class TextResponse
{
    public static async Task WriteAsync(HttpContext context, int statusCode, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
