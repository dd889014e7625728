namespace Truto.Plugins.Build.LlmTests;

/// <summary>The response cache: identical runs are answered from disk for 7 days, never with the key in a file.</summary>
public sealed class RefinerCacheTests
{
    private static void ScriptRun(RefinerHarness harness) => harness.Stub
        .EnqueueToolUse("read_source_overview", new { })
        .EnqueueToolUse("apply_patch", Fixtures.CompletingPatch())
        .EnqueueToolUse("finish", new { summary = "done" });

    [Fact]
    public async Task A_second_identical_run_is_answered_from_the_cache_without_requests()
    {
        await using var harness = await RefinerHarness.StartAsync();
        ScriptRun(harness);
        var first = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: true), CancellationToken.None);
        harness.Stub.Requests.Count.ShouldBe(3);

        var second = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: true), CancellationToken.None);

        harness.Stub.Requests.Count.ShouldBe(3);
        harness.ProgressLines.Skip(3).ShouldBe(["turn 1/10 (cached): read_source_overview", "turn 2/10 (cached): apply_patch - patch applied (2 operation(s)): base URL and contacts from the spec", "turn 3/10 (cached): finish"]);
        second.Integration.ToString().ShouldBe(first.Integration.ToString());
        second.Finished.ShouldBeTrue();
        Directory.GetFiles(harness.CacheDirectory, "*.json").Length.ShouldBe(3);
        Directory.GetFiles(harness.CacheDirectory).ShouldAllBe(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), "^[0-9a-f]{64}\\.json$"));
    }

    [Fact]
    public async Task Refreshing_the_cache_asks_the_api_again_and_stores_the_new_answers()
    {
        await using var harness = await RefinerHarness.StartAsync();
        ScriptRun(harness);
        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: true), CancellationToken.None);
        ScriptRun(harness);

        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: true, refresh: true), CancellationToken.None);

        harness.Stub.Requests.Count.ShouldBe(6);
    }

    [Fact]
    public async Task Entries_older_than_seven_days_are_ignored()
    {
        await using var harness = await RefinerHarness.StartAsync();
        ScriptRun(harness);
        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: true), CancellationToken.None);
        foreach (var file in Directory.GetFiles(harness.CacheDirectory))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-7).AddMinutes(-1));
        }

        ScriptRun(harness);
        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: true), CancellationToken.None);

        harness.Stub.Requests.Count.ShouldBe(6);
    }

    [Fact]
    public async Task Without_a_cache_folder_nothing_is_written_and_every_run_asks_the_api()
    {
        await using var harness = await RefinerHarness.StartAsync();
        ScriptRun(harness);
        ScriptRun(harness);

        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: false), CancellationToken.None);
        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: false), CancellationToken.None);

        harness.Stub.Requests.Count.ShouldBe(6);
        Directory.Exists(harness.CacheDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task A_different_model_or_instruction_is_a_different_cache_entry()
    {
        await using var harness = await RefinerHarness.StartAsync();
        ScriptRun(harness);
        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: true), CancellationToken.None);
        harness.Stub.EnqueueToolUse("apply_patch", Fixtures.CompletingPatch()).EnqueueToolUse("finish", new { summary = "done" });

        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(cache: true, model: "claude-other"), CancellationToken.None);

        harness.Stub.Requests.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Cache_files_and_progress_lines_never_contain_the_key()
    {
        await using var harness = await RefinerHarness.StartAsync();
        ScriptRun(harness);

        var options = harness.Options(cache: true);
        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), options, CancellationToken.None);

        SecretScan.AssertNoFileContains(harness.CacheDirectory, Fixtures.AnthropicKey);
        Directory.GetFiles(harness.CacheDirectory).ShouldNotBeEmpty();
        harness.ProgressLines.ShouldNotBeEmpty();
        harness.ProgressLines.ShouldAllBe(l => !l.Contains(Fixtures.AnthropicKey));
        options.ToString().ShouldNotContain(Fixtures.AnthropicKey);
    }
}
