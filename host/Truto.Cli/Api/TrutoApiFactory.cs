using Truto.Cli.CommandLine;
using Truto.Cli.Errors;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Startup;

namespace Truto.Cli.Api;

/// <summary>
/// Builds API clients over one connection pool per run, with the -v log in the handler chain when asked for.
/// Every token it is given is registered with the redactor before the first request.
/// </summary>
internal sealed class TrutoApiFactory : ITrutoApiFactory, IDisposable
{
    private readonly HostSettings _settings;
    private readonly IStandardStreams _streams;
    private readonly InvocationContext _context;
    private readonly SecretRedactor _redactor;
    private HttpClient? _http;

    public TrutoApiFactory(HostSettings settings, IStandardStreams streams, InvocationContext context, SecretRedactor redactor)
    {
        _settings = settings;
        _streams = streams;
        _context = context;
        _redactor = redactor;
    }

    public static string UserAgent => $"truto-host/{TrutoHost.Version}";

    public ITrutoApi Connect(Uri apiUrl, string token) => Connect(apiUrl, token, "the token");

    public ITrutoApi Connect(Uri apiUrl, string token, string credentialOrigin) => ConnectClient(apiUrl, token, credentialOrigin);

    /// <summary>The host's own client, whose list pages stream (<see cref="IListPageSource"/>).</summary>
    public TrutoApiClient ConnectClient(Uri apiUrl, string token, string credentialOrigin)
    {
        _redactor.Add(token);
        var options = new ApiClientOptions(_settings.HttpTimeout, _settings.RetryBaseDelay, _context.Verbose, _streams);
        return new TrutoApiClient(_http ??= CreateHttpClient(), apiUrl, token, credentialOrigin, options);
    }

    private HttpClient CreateHttpClient()
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            ConnectTimeout = _settings.HttpTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (_context.Verbose)
        {
            handler = new HttpLog(_streams, _redactor) { InnerHandler = handler };
        }

        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return http;
    }

    public void Dispose()
    {
        _http?.Dispose();
    }
}
