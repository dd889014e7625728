using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Truto.Emulator.Http;

namespace Truto.Emulator.Faults;

/// <summary>One kind of misbehaviour; see <see cref="FaultQueue"/> for what each does.</summary>
internal abstract class Fault
{
    public abstract Task RespondAsync(HttpContext context, RequestDelegate next);
}

internal sealed class StatusFault(int statusCode, TimeSpan? retryAfter) : Fault
{
    public override Task RespondAsync(HttpContext context, RequestDelegate next)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var message = statusCode switch
        {
            StatusCodes.Status429TooManyRequests => "Rate limit exceeded. Please retry after some time.",
            StatusCodes.Status500InternalServerError => "Something went wrong on our end.",
            StatusCodes.Status503ServiceUnavailable => "Service temporarily unavailable.",
            _ => ReasonPhrases.GetReasonPhrase(statusCode),
        };
        return ErrorEnvelope.WriteAsync(context, statusCode, message);
    }
}

internal sealed class LatencyFault(TimeSpan delay) : Fault
{
    public override async Task RespondAsync(HttpContext context, RequestDelegate next)
    {
        await Task.Delay(delay, context.RequestAborted);
        await next(context);
    }
}

internal sealed class DropConnectionFault : Fault
{
    public override Task RespondAsync(HttpContext context, RequestDelegate next)
    {
        context.Abort();
        return Task.CompletedTask;
    }
}

internal sealed class ResetMidBodyFault : Fault
{
    public override async Task RespondAsync(HttpContext context, RequestDelegate next)
    {
        var body = Encoding.UTF8.GetBytes(string.Concat(LargeJson.Chunks(8 * 1024)));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonResponse.ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        // Returning short of the Content-Length makes Kestrel close the connection once the partial body is out;
        // HttpContext.Abort() here would race it and could discard the headers too.
    }
}

internal sealed class MalformedJsonFault : Fault
{
    // A page of API tokens cut off mid-row, as when a proxy truncates a response.
    private const string Body = """{"result":[{"id":"3f6d2a8e-5c1b-4e7a-9d2f-8b0c4a6e1f23","name":"CI deploy token","environment_id":"9b1e""";

    public override Task RespondAsync(HttpContext context, RequestDelegate next) =>
        TextResponse.WriteAsync(context, StatusCodes.Status200OK, JsonResponse.ContentType, Body);
}

internal sealed class HtmlErrorPageFault(int statusCode) : Fault
{
    public override Task RespondAsync(HttpContext context, RequestDelegate next)
    {
        var title = $"{statusCode} {ReasonPhrases.GetReasonPhrase(statusCode)}";
        var page = $"""
            <html>
            <head><title>{title}</title></head>
            <body>
            <center><h1>{title}</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>

            """;
        return TextResponse.WriteAsync(context, statusCode, "text/html; charset=utf-8", page);
    }
}

internal sealed class LargeBodyFault(int bytes) : Fault
{
    public override async Task RespondAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonResponse.ContentType;
        context.Response.ContentLength = LargeJson.Length(bytes);
        foreach (var chunk in LargeJson.Chunks(bytes))
        {
            await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes(chunk), context.RequestAborted);
        }
    }
}
