using System.Net;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Errors;

namespace Truto.Cli.Api;

/// <summary>Turns an unsuccessful answer, or no answer, into a typed error that says what to do next.</summary>
internal static class ApiErrors
{
    public static ApiException FromResponse(HttpMethod method, string path, HttpStatusCode status, string body, string? contentType, TimeSpan? retryAfter, string credentialOrigin)
    {
        var code = (int)status;
        var (error, message) = ReadEnvelope(body, contentType);
        var detail = string.IsNullOrWhiteSpace(message) ? error ?? status.ToString() : message;
        return code switch
        {
            401 => new ApiException(401, $"the API rejected {credentialOrigin} (401 Unauthorized: {detail})",
                "The token is wrong, expired or revoked: run 'truto login' to save a new one, or pass a valid --token."),
            403 => new ApiException(403, $"{credentialOrigin} is not allowed to {method} {path} (403 Forbidden: {detail})",
                "Use an API token of the environment that owns this resource."),
            404 => new NotFoundException($"{path} was not found (404: {detail})", "Check the id; the API shows only what belongs to this token's environment."),
            409 => new ConflictException(409, $"the API refused {method} {path} because of a conflict: {detail}", "Fetch the current state and try again."),
            400 when detail.Contains("version", StringComparison.OrdinalIgnoreCase) => new ConflictException(400,
                $"the API refused {method} {path}: {detail}", "Someone changed it meanwhile: fetch the current version and apply your change again."),
            400 or 422 => new ApiException(code, $"the API rejected {method} {path} ({code} {error ?? status.ToString()}): {detail}", "Check the values you gave."),
            429 => new ApiException(429, $"the API is rate limiting this token (429) and still was after {RetryPolicy.MaxRetries} retries"
                + (retryAfter is { } wait ? $"; it asked to wait {Math.Ceiling(wait.TotalSeconds):0} s" : ""),
                "Wait a little and try again; the limit is 500 requests per 10 seconds per token."),
            >= 500 => new ApiException(code, $"the API failed with {code} {error ?? status.ToString()} on {method} {path}: {detail}",
                "This is on the server's side; try again in a moment."),
            _ => new ApiException(code, $"{method} {path} answered {code}: {detail}", null),
        };
    }

    public static CliException Unreachable(Uri url, Exception cause) => new(
        $"cannot reach {url.GetLeftPart(UriPartial.Authority)}: {cause.Message}",
        "Check the API URL (--api-url or the profile's apiUrl) and your network connection.",
        ExitCodes.Failure,
        cause);

    public static CliException TimedOut(Uri url, TimeSpan timeout) => new(
        $"no answer from {url.GetLeftPart(UriPartial.Authority)} within {timeout.TotalSeconds:0.#} s (after {RetryPolicy.MaxRetries} retries)",
        "Try again later, or raise the limit with TRUTO_HTTP_TIMEOUT=<seconds>.");

    public static CliException NotJson(HttpMethod method, string path, string? contentType) => new(
        $"the API answered {method} {path} with something that is not JSON ({contentType ?? "no content type"})",
        "Check that the API URL points at the Truto API (run with -v to see the answer).");

    private static (string? Error, string? Message) ReadEnvelope(string body, string? contentType)
    {
        try
        {
            if (JToken.Parse(body) is JObject envelope)
            {
                return ((string?)envelope["error"], (string?)envelope["message"]);
            }
        }
        catch (Newtonsoft.Json.JsonException)
        {
        }

        // An HTML error page or plain text: say what it was without printing a page of markup.
        var kind = contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true ? "an HTML page" : "a non-JSON body";
        return (null, $"the server sent {kind} instead of an error object");
    }
}
