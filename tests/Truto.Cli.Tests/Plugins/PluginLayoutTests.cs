namespace Truto.Cli.Tests.Plugins;

public sealed class PluginLayoutTests : IDisposable
{
    private readonly PluginTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Reports_a_dll_dropped_directly_into_a_plugins_folder_with_the_hint_to_move_it_into_its_own_folder()
    {
        // Given
        var dll = Path.Combine(_bed.PluginPathFolder, TestPlugin.Greeter + ".dll");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "testplugins", TestPlugin.Greeter, TestPlugin.Greeter + ".dll"), dll);

        // When
        var listed = await _bed.ListedAsync(TestPlugin.Greeter);

        // Then
        listed["status"]!.ToString().ShouldBe("failed");
        listed["path"]!.ToString().ShouldBe(dll);
        listed["reason"]!.ToString().ShouldBe(
            "plugins live in their own folder: move it to Truto.TestPlugins.Greeter/Truto.TestPlugins.Greeter.dll together with its dependencies");
    }

    [Fact]
    public async Task Reports_a_folder_without_a_dll_of_the_same_name()
    {
        // Given: a plugin folder renamed after installing
        var installed = _bed.InstallInPluginPath(TestPlugin.Greeter);
        var renamed = Path.Combine(_bed.PluginPathFolder, "Greeter");
        Directory.Move(installed, renamed);

        // When
        var listed = await _bed.ListedAsync("Greeter");

        // Then
        listed["status"]!.ToString().ShouldBe("failed");
        listed["path"]!.ToString().ShouldBe(renamed);
        listed["reason"]!.ToString().ShouldBe("no Greeter.dll in the folder (a plugin named Greeter lives in Greeter/Greeter.dll)");
    }

    [Fact]
    public async Task Ignores_files_other_than_dlls_beside_the_plugin_folders()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        File.WriteAllText(Path.Combine(_bed.PluginPathFolder, "README.txt"), "notes about our plugins");

        // When
        var plugins = await _bed.ListAsync();

        // Then
        plugins.Select(p => (string?)p["name"]).ShouldBe(["greeter"]);
    }
}
