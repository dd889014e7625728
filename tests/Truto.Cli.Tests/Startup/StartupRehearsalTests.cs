using Shouldly;
using Truto.Cli.Startup;

namespace Truto.Cli.Tests.Startup;

/// <summary>
/// The start-up rehearsal runs real host code on a second thread while a run starts, when a core is free for it;
/// whatever it does must not be seen: it completes, writes no file, and reads no config.
/// </summary>
public sealed class StartupRehearsalTests : IDisposable
{
    private readonly string _configDirectory = Directory.CreateTempSubdirectory("truto-rehearsal-").FullName;

    [Fact]
    public async Task A_rehearsal_completes_and_leaves_the_config_folder_untouched()
    {
        var settings = new HostSettings { ConfigDirectory = _configDirectory, BundledPluginDirectory = Path.Combine(_configDirectory, "none") };
        File.WriteAllText(settings.ConfigFilePath, "this is not JSON: a rehearsal that read it would fail");

        await TrutoHost.RehearseAsync(settings);

        Directory.EnumerateFileSystemEntries(_configDirectory).Select(Path.GetFileName).ShouldBe(["config.json"]);
        File.ReadAllText(settings.ConfigFilePath).ShouldBe("this is not JSON: a rehearsal that read it would fail");
    }

    [Theory]
    [InlineData("0.52 0.58 0.59 1/311 12345", 2, true)]
    [InlineData("3.10 2.05 1.20 2/311 12345", 2, false)]
    [InlineData("3.10 2.05 1.20 3/311 12345", 4, true)]
    [InlineData("3.10 2.05 1.20 4/311 12345", 4, false)]
    [InlineData("0.00 0.00 0.00 1/88 4242", 1, false)]
    [InlineData(null, 2, true)]
    [InlineData("not a load average", 2, true)]
    [InlineData(null, 1, false)]
    public void It_runs_only_while_a_core_is_free_of_running_tasks(string? loadAverage, int processors, bool rehearses)
    {
        StartupRehearsal.CoreToSpare(loadAverage, processors).ShouldBe(rehearses);
    }

    public void Dispose() => Directory.Delete(_configDirectory, recursive: true);
}
