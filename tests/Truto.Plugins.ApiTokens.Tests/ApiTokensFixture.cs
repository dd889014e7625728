using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;
using Truto.Emulator;

namespace Truto.Plugins.ApiTokens.Tests;

/// <summary>An emulator whose token's environment holds hundreds of API tokens, shared by the tests of a class.</summary>
public sealed class ApiTokensFixture : IAsyncLifetime
{
    public const string Token = "truto_tok_APITOKENS_0123456789abcdef";
    public const int Seeded = 300;

    public TrutoEmulator Emulator { get; private set; } = null!;

    public EmulatorTenant Tenant { get; private set; } = null!;

    /// <summary>Every token row in the environment, in the API's order.</summary>
    public IReadOnlyList<JObject> AllTokens { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Emulator = await TrutoEmulator.StartAsync();
        Tenant = Emulator.AddToken(Token);
        Emulator.SeedApiTokens(Token, Seeded - 3);
        AllTokens = await ReadAllAsync();
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public TrutoTestHost NewHost()
    {
        var host = new TrutoTestHost();
        host.Environment["TRUTO_HTTP_RETRY_DELAY_MS"] = "0";
        File.WriteAllText(Path.Combine(host.ConfigDirectory, "config.json"), $$"""
            { "activeProfile": "default", "profiles": { "default": { "apiUrl": "{{Emulator.BaseUrl.AbsoluteUri.TrimEnd('/')}}", "token": "{{Token}}" } } }
            """);
        return host;
    }

    private async Task<IReadOnlyList<JObject>> ReadAllAsync()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var all = new List<JObject>();
        string? cursor = null;
        do
        {
            var page = ParseKeepingDates(await http.GetStringAsync("/api-token?limit=1000" + (cursor is null ? "" : "&next_cursor=" + Uri.EscapeDataString(cursor))));
            all.AddRange(page["result"]!.Cast<JObject>());
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null);

        Emulator.ClearRequests();
        return all;
    }

    /// <summary>Timestamps stay the API's strings, as truto prints them (Newtonsoft would turn them into dates).</summary>
    public static JObject ParseKeepingDates(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }
}

[CollectionDefinition(nameof(ApiTokensFixture))]
public sealed class ApiTokensCollection : ICollectionFixture<ApiTokensFixture>;
