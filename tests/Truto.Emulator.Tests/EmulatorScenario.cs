using System.Net.Http.Headers;
using Newtonsoft.Json;

namespace Truto.Emulator.Tests;

/// <summary>
/// Each test gets its own emulator with one known token, and a plain HttpClient that sends that token.
/// Tests override only what differs (another token, seeded rows, faults).
/// </summary>
public abstract class EmulatorScenario : IAsyncLifetime
{
    public const string Token = "truto_tok_TEST_0123456789abcdef";

    protected TrutoEmulator Emulator { get; private set; } = null!;

    protected EmulatorTenant Tenant { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await TrutoEmulator.StartAsync();
        Tenant = Emulator.AddToken(Token);
        Client = ClientFor(Token);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>A client for the emulator that sends <paramref name="token"/> (none when null).</summary>
    protected HttpClient ClientFor(string? token)
    {
        var client = new HttpClient { BaseAddress = Emulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> and parses the body, keeping timestamps as the strings sent.</summary>
    protected async Task<(int Status, JObject Body)> GetJsonAsync(string pathAndQuery, HttpClient? client = null)
    {
        using var response = await (client ?? Client).GetAsync(pathAndQuery);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, Parse(text));
    }

    /// <summary>Parses JSON the way the CLI must: ISO timestamps stay strings rather than becoming DateTime.</summary>
    protected static JObject Parse(string json) =>
        JsonConvert.DeserializeObject<JObject>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })
        ?? throw new InvalidOperationException("empty body");

    protected static void ShouldBeErrorEnvelope(JObject body, int statusCode, string error, string message)
    {
        body.Properties().Select(p => p.Name).ShouldBe(["statusCode", "error", "message"]);
        ((int?)body["statusCode"]).ShouldBe(statusCode);
        ((string?)body["error"]).ShouldBe(error);
        ((string?)body["message"]).ShouldBe(message);
    }
}
