using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Truto.Cli.Errors;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Api;

/// <summary>
/// With -v, prints every HTTP attempt to stderr: the request line, headers and body, then the status, time,
/// headers and body, bodies cut to a readable size. Authorization and every known secret are redacted here.
/// </summary>
internal sealed class HttpLog(IStandardStreams streams, SecretRedactor redactor) : DelegatingHandler
{
    private const int BodyLimit = 2048;
    private static readonly string[] SensitiveHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "x-api-key"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append($"→ {request.Method} {request.RequestUri}\n");
        AppendHeaders(text, request.Headers, request.Content?.Headers);
        if (request.Content is not null)
        {
            AppendBody(text, await request.Content.ReadAsStringAsync(cancellationToken));
        }

        Write(text);
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            Write(new StringBuilder($"← failed after {clock.ElapsedMilliseconds} ms: {e.Message}\n"));
            throw;
        }

        text.Clear();
        text.Append($"← {(int)response.StatusCode} {response.ReasonPhrase} ({clock.ElapsedMilliseconds} ms)\n");
        AppendHeaders(text, response.Headers, response.Content.Headers);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        AppendBody(text, await response.Content.ReadAsStringAsync(cancellationToken));
        Write(text);
        return response;
    }

    private void Write(StringBuilder text)
    {
        lock (streams.Error)
        {
            streams.Error.Write(redactor.Redact(text.ToString()));
        }
    }

    private static void AppendHeaders(StringBuilder text, HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        foreach (var (name, values) in contentHeaders is null ? headers : headers.Concat(contentHeaders))
        {
            var shown = SensitiveHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)
                ? RedactCredential(string.Join(", ", values))
                : string.Join(", ", values);
            text.Append($"  {name}: {shown}\n");
        }
    }

    /// <summary>Keeps the scheme ("Bearer") so the log still shows how the request authenticated.</summary>
    private static string RedactCredential(string value)
    {
        var space = value.IndexOf(' ');
        return space > 0 ? $"{value[..space]} {SecretRedactor.Mask}" : SecretRedactor.Mask;
    }

    private static void AppendBody(StringBuilder text, string body)
    {
        if (body.Length == 0)
        {
            return;
        }

        text.Append("  ");
        text.Append(body.Length <= BodyLimit ? body : $"{body[..BodyLimit]}… ({body.Length - BodyLimit} more characters)");
        text.Append('\n');
    }
}
