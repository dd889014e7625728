using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Newtonsoft.Json.Linq;
using Truto.Emulator.Data;
using Truto.Emulator.Expectations;
using Truto.Emulator.Http;
using Truto.Emulator.Recording;

namespace Truto.Emulator;

/// <summary>
/// A local Truto Admin API: a real HTTP server on 127.0.0.1 with realistic data per bearer token, a record of every
/// request, queued faults and opt-in strict expectations. Each instance is independent, so tests can run many in
/// parallel.
/// </summary>
public sealed partial class TrutoEmulator : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly EmulatorStore _store;
    private readonly RequestLog _requests;
    private readonly ExpectationBook _expectations;

    private TrutoEmulator(WebApplication app, EmulatorStore store, RequestLog requests, ExpectationBook expectations, FaultQueue faults, Uri baseUrl)
    {
        _app = app;
        _store = store;
        _requests = requests;
        _expectations = expectations;
        Faults = faults;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>; the API's paths hang off its root.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    /// <summary>Faults to answer the next matching requests with.</summary>
    public FaultQueue Faults { get; }

    /// <summary>Starts a server on 127.0.0.1:<paramref name="port"/> (0: any free port) and returns once it accepts connections.</summary>
    public static async Task<TrutoEmulator> StartAsync(int port = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        var store = new EmulatorStore();
        var requests = new RequestLog();
        var expectations = new ExpectationBook();
        var faults = new FaultQueue();

        // An empty builder: no configuration files, environment variables or logging can change the emulator.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(store);
        var app = builder.Build();

        // The pipeline, in order.
        app.Use(requests.RecordAsync);              // every request as sent, before anything can turn it away
        app.Use(ErrorEnvelope.HandleAsync);         // exceptions and bodiless 4xx/5xx become error envelopes
        app.Use(expectations.EnforceAsync);         // strict mode: an unexpected request gets a 500
        app.Use(faults.ApplyAsync);                 // queued faults, before authentication
        app.Use(Authentication.AuthenticateAsync);  // Bearer token -> tenant, else 401
        app.UseRouting();

        // The resources, one file each under Resources/.
        Resources.Environments.Map(app);
        Resources.Teams.Map(app);
        Resources.ApiTokens.Map(app);
        Resources.Integrations.Map(app);
        Resources.Documentation.Map(app);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TrutoEmulator(app, store, requests, expectations, faults, new Uri(address));
    }

    /// <summary>
    /// Makes <paramref name="token"/> a valid bearer token with its own team, environment and three API-token rows
    /// ("CI deploy token", "Staging sync worker", "Local development"). Adding a known token again changes nothing
    /// and returns its tenant.
    /// </summary>
    public EmulatorTenant AddToken(string token) => _store.AddTenant(token);

    /// <summary>Adds <paramref name="count"/> API-token rows to the environment of <paramref name="token"/> and returns them.</summary>
    public IReadOnlyList<JObject> SeedApiTokens(string token, int count) =>
        _store.SeedApiTokens(token, count).Select(row => row.ToJson()).ToList();

    /// <summary>The API-token rows of <paramref name="token"/>'s environment, in the order the list route returns them.</summary>
    public IReadOnlyList<JObject> GetApiTokens(string token) => _store.ApiTokens(token).Select(row => row.ToJson()).ToList();

    /// <summary>Seeds like <see cref="SeedApiTokens"/> without handing the rows back (the program seeds 100,000).</summary>
    internal void SeedApiTokensQuietly(string token, int count) => _store.SeedApiTokens(token, count);

    /// <summary>
    /// Waits until the requests received so far satisfy <paramref name="condition"/>: for a test that acts once a run
    /// it started has reached the server (to cancel it, or to change something under it). A request is recorded when
    /// the server gets to it, so an attempt a client abandoned early may arrive late or never: count a client's
    /// attempts in its own log, not here.
    /// </summary>
    /// <exception cref="TimeoutException">The condition did not come true within <paramref name="timeout"/> (10 s if not given).</exception>
    public async Task WaitForRequestsAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        while (!condition(Requests))
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"the emulator's requests did not meet the condition within {limit.TotalSeconds:0.#} s ({Requests.Count} received)");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Forgets the requests recorded so far (expectations and strict-mode violations are kept).</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>
    /// Expects <paramref name="times"/> requests with this method whose path and query start with
    /// <paramref name="pathAndQueryPrefix"/> (e.g. <c>/api-token?limit=25</c>). Once anything is expected, any
    /// other request is answered with a 500 envelope ("unexpected request: ...") and reported by
    /// <see cref="VerifyExpectations"/>.
    /// </summary>
    public void Expect(string method, string pathAndQueryPrefix, int times = 1) => _expectations.Expect(method, pathAndQueryPrefix, times);

    /// <summary>Throws <see cref="ExpectationsNotMetException"/>, listing each problem, if an expectation was not used up or an unexpected request arrived.</summary>
    public void VerifyExpectations() => _expectations.Verify();

    /// <summary>Stops the server; requests still in flight (say, in a latency fault) are cut off after two seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }
}
