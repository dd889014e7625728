using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>Writes JSON with Newtonsoft, so rows stored as <see cref="JObject"/> go out exactly as stored.</summary>
internal sealed class JsonResponse(JToken body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, body, statusCode);

    public static Task WriteAsync(HttpContext context, JToken body, int statusCode = StatusCodes.Status200OK) =>
        TextResponse.WriteAsync(context, statusCode, ContentType, body.ToString(Formatting.None));
}
