namespace Truto.Cli.Tests.Plugins;

public sealed class SearchOrderTests : IDisposable
{
    private readonly PluginTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Lists_plugins_in_search_order_bundled_then_user_then_environment()
    {
        // Given: names sorted the other way round, so only the search order explains the result
        _bed.InstallBundled(TestPlugin.PrivateDependency);
        _bed.InstallForUser(TestPlugin.MissingDependency);
        _bed.InstallInPluginPath(TestPlugin.Greeter);

        // When
        var plugins = await _bed.ListAsync();

        // Then
        plugins.Select(p => $"{p["name"]} {p["source"]} {p["status"]}").ShouldBe(
        [
            "private-dependency bundled loaded",
            "missing-dependency user loaded",
            "greeter environment loaded",
        ]);
    }

    [Fact]
    public async Task A_command_owned_by_a_user_plugin_marks_the_environment_plugin_adding_it_again_as_conflict()
    {
        // Given
        _bed.InstallForUser(TestPlugin.DuplicateCommand);
        _bed.InstallInPluginPath(TestPlugin.Greeter);

        // When
        var greeter = await _bed.ListedAsync("greeter");
        var duplicate = await _bed.ListedAsync("duplicate-command");
        var greet = await _bed.RunAsync("greet");

        // Then
        greeter["status"]!.ToString().ShouldBe("conflict");
        greeter["reason"]!.ToString().ShouldBe("command 'greet' is already provided by plugin 'duplicate-command'; remove one of the two");
        duplicate["status"]!.ToString().ShouldBe("loaded");
        greet.ExitCode.ShouldBe(0, greet.ToString());
        greet.Stdout.ShouldBe("greeting\tHello from duplicate-command\n");
    }

    [Fact]
    public async Task A_command_owned_by_a_bundled_plugin_marks_the_user_plugin_adding_it_again_as_conflict()
    {
        // Given
        _bed.InstallBundled(TestPlugin.Greeter);
        _bed.InstallForUser(TestPlugin.DuplicateCommand);

        // When
        var greeter = await _bed.ListedAsync("greeter");
        var duplicate = await _bed.ListedAsync("duplicate-command");

        // Then
        greeter["status"]!.ToString().ShouldBe("loaded");
        duplicate["status"]!.ToString().ShouldBe("conflict");
        duplicate["reason"]!.ToString().ShouldBe("command 'greet' is already provided by plugin 'greeter'; remove one of the two");
    }

    [Fact]
    public async Task Earlier_TRUTO_PLUGIN_PATH_folders_win_over_later_ones()
    {
        // Given: the duplicate sorts first by name, but its folder comes second
        var second = _bed.AddPluginPathFolder("second");
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        _bed.Install(TestPlugin.DuplicateCommand, second);

        // When
        var plugins = await _bed.ListAsync();

        // Then
        plugins.Select(p => $"{p["name"]} {p["status"]}").ShouldBe(["greeter loaded", "duplicate-command conflict"]);
    }

    [Fact]
    public async Task The_same_plugin_installed_twice_is_loaded_from_the_first_folder_only()
    {
        // Given
        var userCopy = _bed.InstallForUser(TestPlugin.Greeter);
        _bed.InstallInPluginPath(TestPlugin.Greeter);

        // When
        var plugins = await _bed.ListAsync();

        // Then
        plugins.Select(p => $"{p["source"]} {p["status"]}").ShouldBe(["user loaded", "environment conflict"]);
        plugins[1]["reason"]!.ToString().ShouldBe(
            $"a plugin named 'greeter' is already loaded from {Path.Combine(userCopy, TestPlugin.Greeter + ".dll")}; remove one of the two");
    }
}
