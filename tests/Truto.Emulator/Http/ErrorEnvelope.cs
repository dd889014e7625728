using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>The one place that writes Truto's error body, <c>{"statusCode", "error", "message"}</c>.</summary>
internal static class ErrorEnvelope
{
    public static JObject Create(int statusCode, string message) => new()
    {
        ["statusCode"] = statusCode,
        ["error"] = ReasonPhrases.GetReasonPhrase(statusCode),
        ["message"] = message,
    };

    public static Task WriteAsync(HttpContext context, int statusCode, string message) =>
        JsonResponse.WriteAsync(context, Create(statusCode, message), statusCode);

    /// <summary>
    /// Middleware: an <see cref="ApiException"/> becomes its envelope, any other exception a 500 envelope, and a
    /// 4xx/5xx that nothing wrote a body for (no route: 404, wrong method: 405) gets one too.
    /// </summary>
    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away (or the emulator is stopping): nobody to answer
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, error.StatusCode, error.Message);
            return;
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            // A bug in the emulator: say so plainly rather than as a realistic Truto error.
            await WriteAsync(context, StatusCodes.Status500InternalServerError, $"emulator error: {error}");
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode >= 400)
        {
            var request = $"{context.Request.Method} {context.Request.Path}";
            var message = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"Route {request} not found",
                StatusCodes.Status405MethodNotAllowed => $"Method {request} not allowed",
                _ => ReasonPhrases.GetReasonPhrase(context.Response.StatusCode),
            };
            await WriteAsync(context, context.Response.StatusCode, message);
        }
    }
}
