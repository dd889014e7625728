using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Plugins;
using Truto.Plugins.Build.Crawl;
using Truto.Plugins.Build.Refinement;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>The keys stay secret across a whole run, and the services are registered for the build command.</summary>
public sealed class SecretHandlingTests
{
    [Fact]
    public async Task Neither_key_appears_in_any_cache_file_progress_line_or_exception()
    {
        // Given cached runs of both services, and failures of both
        await using var refiner = await RefinerHarness.StartAsync();
        refiner.Stub.EnqueueToolUse("apply_patch", Fixtures.CompletingPatch()).EnqueueToolUse("finish", new { summary = "ok" });
        refiner.Stub.EnqueueError(401, "authentication_error", "invalid x-api-key");
        using var fetcher = new FetcherHarness();
        await using var firecrawl = await ByokStubs.FirecrawlStub.StartAsync();
        firecrawl.AddPage("https://docs.acme.test/a", "# A", "A");

        await refiner.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), refiner.Options(cache: true), CancellationToken.None);
        var anthropicError = await Should.ThrowAsync<CliException>(() =>
            refiner.Refiner.ProposeAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), "x", refiner.Options(cache: true), CancellationToken.None));
        await fetcher.Fetcher.FetchAsync(new Uri("https://docs.acme.test/a"), fetcher.Firecrawl(firecrawl.BaseUrl, cache: true), CancellationToken.None);
        firecrawl.EnqueueError(402, "Insufficient credits");
        var firecrawlError = await Should.ThrowAsync<CliException>(() =>
            fetcher.Fetcher.FetchAsync(new Uri("https://docs.acme.test/b"), fetcher.Firecrawl(firecrawl.BaseUrl, cache: true), CancellationToken.None));

        // Then no file, line or message carries either key
        foreach (var directory in new[] { refiner.TempDirectory, fetcher.TempDirectory })
        {
            SecretScan.AssertNoFileContains(directory, Fixtures.AnthropicKey);
            SecretScan.AssertNoFileContains(directory, Fixtures.FirecrawlKey);
        }

        foreach (var text in new[] { anthropicError.ToString(), anthropicError.Hint ?? "", firecrawlError.ToString(), firecrawlError.Hint ?? "" }.Concat(refiner.ProgressLines))
        {
            text.ShouldNotContain(Fixtures.AnthropicKey);
            text.ShouldNotContain(Fixtures.FirecrawlKey);
        }

        fetcher.Firecrawl(firecrawl.BaseUrl).ToString().ShouldNotContain(Fixtures.FirecrawlKey);
    }

    [Fact]
    public void The_build_plugin_registers_the_refiner_and_the_fetcher()
    {
        var builder = new RecordingPluginBuilder();

        new BuildPlugin().Register(builder);

        using var services = builder.Services.BuildServiceProvider();
        services.GetRequiredService<IIntegrationRefiner>().ShouldBeOfType<AnthropicRefiner>();
        services.GetRequiredService<IDocumentationFetcher>().ShouldBeOfType<DocumentationFetcher>();
    }

    private sealed class RecordingPluginBuilder : IPluginBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IPluginBuilder AddCommand<TCommand>() where TCommand : class => this;
    }
}
