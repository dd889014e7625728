using Newtonsoft.Json.Linq;
using Truto.Cli.Tests.Smoke;

namespace Truto.Cli.Tests.Profiles;

/// <summary>Real truto processes writing one config file at the same time.</summary>
public sealed class ConfigAcrossProcessesTests : IDisposable
{
    private const int Processes = 20;
    private readonly TrutoExecutable _truto = new();

    public void Dispose() => _truto.Dispose();

    [Fact]
    public async Task Many_processes_setting_different_keys_at_once_lose_none_of_them()
    {
        // Given a config with one profile per process
        var profiles = new JObject();
        for (var i = 0; i < Processes; i++)
        {
            profiles[$"p{i}"] = new JObject { ["token"] = $"truto_tok_{i:D2}_0123456789" };
        }

        Directory.CreateDirectory(_truto.ConfigDirectory);
        var configPath = Path.Combine(_truto.ConfigDirectory, "config.json");
        await File.WriteAllTextAsync(configPath, new JObject { ["activeProfile"] = "p0", ["profiles"] = profiles }.ToString());

        // When every process sets a key on its own profile at the same time
        var runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(i =>
            _truto.RunAsync("profiles", "set", i % 2 == 0 ? "apiUrl" : "defaultIntegratedAccount", i % 2 == 0 ? $"https://p{i}.example" : $"acc-{i}", "-p", $"p{i}")));

        // Then every write is there, and nothing else was lost
        runs.ShouldAllBe(r => r.ExitCode == 0);
        var config = JObject.Parse(await File.ReadAllTextAsync(configPath));
        for (var i = 0; i < Processes; i++)
        {
            var profile = config["profiles"]![$"p{i}"]!;
            ((string?)profile[i % 2 == 0 ? "apiUrl" : "defaultIntegratedAccount"]).ShouldBe(i % 2 == 0 ? $"https://p{i}.example" : $"acc-{i}");
            ((string?)profile["token"]).ShouldBe($"truto_tok_{i:D2}_0123456789");
        }

        Directory.GetFiles(_truto.ConfigDirectory).Select(Path.GetFileName).Order().ShouldBe(["config.json", "config.json.lock"]);
    }
}
