using Shouldly;
using Truto.Cli.Startup;

namespace Truto.Cli.Tests.Startup;

/// <summary>
/// The start-up rehearsal runs real host code on a second thread while a run starts; whatever it does must not be
/// seen: it completes, writes no file, and reads no config.
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

    public void Dispose() => Directory.Delete(_configDirectory, recursive: true);
}
