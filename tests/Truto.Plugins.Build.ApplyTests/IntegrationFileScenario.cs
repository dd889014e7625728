using Newtonsoft.Json;
using Truto.Cli.Sdk.Testing;
using Truto.Emulator;

namespace Truto.Plugins.Build.ApplyTests;

/// <summary>
/// Each test gets a truto host logged in to its own emulator, and a scratch folder for IntegrationFiles. The
/// realistic fixture (Fixtures/acme-crm.integration.json) is read once; tests change only what they are about.
/// </summary>
public abstract class IntegrationFileScenario : IAsyncLifetime
{
    public const string Token = "truto_tok_BUILD_0123456789abcdef";

    protected TrutoTestHost Host { get; } = new();

    protected TrutoEmulator Emulator { get; private set; } = null!;

    protected string Folder => Path.Combine(Host.ConfigDirectory, "work");

    public async Task InitializeAsync()
    {
        Host.Environment["TRUTO_HTTP_RETRY_DELAY_MS"] = "0";
        Directory.CreateDirectory(Folder);
        Emulator = await Host.StartEmulatorAsync(Token);
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Host.Dispose();
    }

    /// <summary>The fixture: an API-key CRM with contacts and deals, complete and lint-clean, with documentation rows.</summary>
    protected static JObject Acme() => Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "acme-crm.integration.json")));

    /// <summary>Writes <paramref name="file"/> to the scratch folder and returns its path.</summary>
    protected string Write(JObject file, string name = "acme-crm.integration.json")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, file.ToString(Formatting.Indented));
        return path;
    }

    protected string WriteText(string text, string name = "broken.integration.json")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The requests the emulator saw, as "METHOD /path".</summary>
    protected IReadOnlyList<string> Calls() => Emulator.Requests.Select(r => $"{r.Method} {r.Path}").ToList();

    protected static JObject Read(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    /// <summary>Seeds the fixture's integration as if an earlier apply had created it, with its pushable documentation rows.</summary>
    protected JObject SeedAcme(JObject? file = null, int version = 1)
    {
        file ??= Acme();
        var seeded = Emulator.SeedIntegration(Token, new JObject
        {
            ["name"] = file["name"], ["category"] = file["category"], ["sharing"] = file["sharing"], ["config"] = file["config"], ["version"] = version,
        });
        foreach (var row in file["documentation"]!.Cast<JObject>().Where(r => (string?)r["type"] is not ("note" or "end_user_guide")))
        {
            Emulator.SeedDocumentation(Token, new JObject
            {
                ["entity_id"] = seeded["id"], ["type"] = row["type"], ["resource"] = row["resource"], ["method"] = row["method"],
                ["content"] = row["content"], ["integration_name"] = file["name"],
            });
        }

        Emulator.ClearRequests();
        return seeded;
    }
}
