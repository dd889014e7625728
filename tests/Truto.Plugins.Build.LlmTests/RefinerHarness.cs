using Truto.ByokStubs;
using Truto.Plugins.Build.Llm;
using Truto.Plugins.Build.Refinement;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>A refiner aimed at an Anthropic stub, with waits shortened and a temp cache folder per test.</summary>
internal sealed class RefinerHarness : IAsyncDisposable
{
    public static readonly AnthropicTransportSettings FastRetries = AnthropicTransportSettings.Default with
    {
        FirstRetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
    };

    private RefinerHarness(AnthropicStub stub, string temp)
    {
        Stub = stub;
        TempDirectory = temp;
        Refiner = new AnthropicRefiner(FastRetries, TimeProvider.System);
    }

    public AnthropicStub Stub { get; }

    public string TempDirectory { get; }

    public string CacheDirectory => Path.Combine(TempDirectory, "cache", "anthropic");

    public AnthropicRefiner Refiner { get; }

    public List<string> ProgressLines { get; } = [];

    public static async Task<RefinerHarness> StartAsync()
    {
        var temp = Path.Combine(Path.GetTempPath(), "truto-llm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        return new RefinerHarness(await AnthropicStub.StartAsync(), temp);
    }

    public RefinementOptions Options(int maxTurns = 10, bool cache = false, bool refresh = false, string? instructions = null, string model = "claude-test-model") =>
        new(Fixtures.AnthropicKey, Stub.BaseUrl, model, maxTurns, cache ? CacheDirectory : null, refresh, instructions, line =>
        {
            lock (ProgressLines)
            {
                ProgressLines.Add(line);
            }
        });

    public async ValueTask DisposeAsync()
    {
        await Stub.DisposeAsync();
        SecretScan.AssertNoFileContains(TempDirectory, Fixtures.AnthropicKey);
        Directory.Delete(TempDirectory, recursive: true);
    }
}

internal static class SecretScan
{
    /// <summary>Fails when any file under <paramref name="directory"/> contains <paramref name="secret"/>.</summary>
    public static void AssertNoFileContains(string directory, string secret)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            File.ReadAllText(file).ShouldNotContain(secret, customMessage: $"{file} contains the key");
        }
    }
}
