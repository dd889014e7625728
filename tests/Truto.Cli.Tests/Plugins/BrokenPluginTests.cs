using Newtonsoft.Json.Linq;
using Truto.Cli.Plugins;

namespace Truto.Cli.Tests.Plugins;

/// <summary>
/// Every way a plugin can be unusable: it is reported with its reason, and truto and every other plugin keep working,
/// with one warning line when a plugin's command runs.
/// </summary>
public sealed class BrokenPluginTests : IDisposable
{
    private static readonly Version HostSdk = PluginCatalog.HostSdkVersion;

    private readonly PluginTestBed _bed = new();

    public BrokenPluginTests() => _bed.InstallForUser(TestPlugin.Greeter);

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Reports_a_file_that_is_not_an_assembly_and_keeps_working()
    {
        // Given
        var garbage = _bed.WriteGarbagePlugin(_bed.PluginPathFolder);

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync("Garbage");

        // Then
        listed["status"]!.ToString().ShouldBe("failed");
        listed["path"]!.ToString().ShouldBe(garbage);
        listed["reason"]!.ToString().ShouldBe("not a .NET assembly: rebuild the plugin or remove the file");
    }

    [Fact]
    public async Task Reports_a_missing_dependency_by_its_assembly_name_and_keeps_working()
    {
        // Given
        var folder = _bed.InstallInPluginPath(TestPlugin.MissingDependency);
        File.Delete(Path.Combine(folder, TestPlugin.MissingDependencyHelper + ".dll"));

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync(TestPlugin.MissingDependency);

        // Then
        listed["status"]!.ToString().ShouldBe("failed");
        listed["reason"]!.ToString().ShouldStartWith("a dependency is missing: Truto.TestPlugins.MissingDependency.Helper, Version=");
        listed["reason"]!.ToString().ShouldEndWith("; reinstall the plugin with every file of its folder");
        listed["sdk_version"]!.ToString().ShouldBe(HostSdk.ToString(2));
    }

    [Fact]
    public async Task Reports_a_plugin_without_the_entry_attribute_and_keeps_working()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.NoEntryAttribute);

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync(TestPlugin.NoEntryAttribute);

        // Then
        listed["status"]!.ToString().ShouldBe("failed");
        listed["reason"]!.ToString().ShouldBe("has no [assembly: TrutoPlugin(typeof(...))] attribute naming its entry type");
    }

    [Fact]
    public async Task Reports_a_plugin_that_throws_while_registering_with_the_exception_message_and_keeps_working()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.ThrowsOnRegister);

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync(TestPlugin.ThrowsOnRegister);

        // Then
        listed["status"]!.ToString().ShouldBe("failed");
        listed["reason"]!.ToString().ShouldBe("threw while registering: InvalidOperationException: boom while registering the test plugin");
    }

    [Fact]
    public async Task Rejects_plugin_built_for_the_next_sdk_major_with_both_versions_in_the_reason()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.NextMajorSdk);
        var pluginSdk = $"{HostSdk.Major + 1}.0";

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync(TestPlugin.NextMajorSdk);

        // Then
        listed["status"]!.ToString().ShouldBe("incompatible");
        listed["sdk_version"]!.ToString().ShouldBe(pluginSdk);
        listed["reason"]!.ToString().ShouldBe(
            $"built for Truto.Cli.Sdk {pluginSdk}, but this truto has SDK {HostSdk.ToString(2)} (another major version): " +
            $"upgrade truto, or use a plugin built for SDK {HostSdk.Major}.x");
    }

    [Fact]
    public async Task Rejects_plugin_built_for_a_newer_sdk_minor_with_both_versions_in_the_reason()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.NewerMinorSdk);
        var pluginSdk = $"{HostSdk.Major}.{HostSdk.Minor + 1}";

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync(TestPlugin.NewerMinorSdk);

        // Then
        listed["status"]!.ToString().ShouldBe("incompatible");
        listed["sdk_version"]!.ToString().ShouldBe(pluginSdk);
        listed["reason"]!.ToString().ShouldBe(
            $"built for Truto.Cli.Sdk {pluginSdk}, newer than this truto's SDK {HostSdk.ToString(2)}: " +
            $"upgrade truto, or rebuild the plugin against Truto.Cli.Sdk {HostSdk.ToString(2)}");
    }

    [Fact]
    public async Task Reports_a_command_another_plugin_already_adds_as_conflict_naming_both()
    {
        // Given: the Greeter's greet, from the user folder, is searched first
        _bed.InstallInPluginPath(TestPlugin.DuplicateCommand);

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync("duplicate-command");

        // Then
        listed["status"]!.ToString().ShouldBe("conflict");
        listed["reason"]!.ToString().ShouldBe("command 'greet' is already provided by plugin 'greeter'; remove one of the two");
    }

    [Fact]
    public async Task Reports_a_command_named_like_one_of_trutos_own_as_conflict()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.HostCommandName);

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync("host-command-name");

        // Then
        listed["status"]!.ToString().ShouldBe("conflict");
        listed["reason"]!.ToString().ShouldBe("command 'context' is already provided by truto itself; remove one of the two");
    }

    [Fact]
    public async Task Reports_a_plugin_registering_a_host_service_as_conflict()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.RegistersHostService);

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync(TestPlugin.RegistersHostService);

        // Then
        listed["status"]!.ToString().ShouldBe("conflict");
        listed["reason"]!.ToString().ShouldBe("registers IOutput, which only the host provides");
    }

    [Fact]
    public async Task Reports_a_command_needing_a_service_nobody_registers_by_the_service_and_the_command()
    {
        // Given: ClockCommand(IClock clock, IOutput output), and no IClock anywhere
        _bed.InstallInPluginPath(TestPlugin.UnbuildableCommand);

        // When
        var listed = await ListedWhileTheRestKeepsWorkingAsync(TestPlugin.UnbuildableCommand);

        // Then
        listed["status"]!.ToString().ShouldBe("failed");
        listed["reason"]!.ToString().ShouldBe(
            "Unable to resolve service for type 'Truto.TestPlugins.UnbuildableCommand.IClock' while attempting to activate " +
            "'Truto.TestPlugins.UnbuildableCommand.ClockCommand'. Register it in the plugin's Register method (plugin.Services).");
    }

    [Fact]
    public async Task Root_help_still_lists_the_working_plugins_and_counts_the_broken_ones()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.ThrowsOnRegister);
        _bed.WriteGarbagePlugin(_bed.PluginPathFolder);

        // When
        var result = await _bed.RunAsync("--help");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("greeter (Greets people in several languages.):\n");
        result.Stdout.ShouldEndWith("2 plugin(s) could not be loaded: run 'truto plugins list' to see why.\n");
        result.Stderr.ShouldBeEmpty();
    }

    /// <summary>
    /// The plugin's entry in <c>plugins list</c> (which must succeed), after checking that the good plugin's command
    /// still runs and says once, on stderr, that a plugin could not be loaded.
    /// </summary>
    private async Task<JObject> ListedWhileTheRestKeepsWorkingAsync(string name)
    {
        var plugins = await _bed.ListAsync();
        PluginTestBed.Entry(plugins, "greeter")["status"]!.ToString().ShouldBe("loaded");

        var greet = await _bed.RunAsync("greet", "languages");
        greet.ExitCode.ShouldBe(0, greet.ToString());
        greet.Stdout.ShouldBe("en\tHello\nfr\tBonjour\nes\tHola\n");
        greet.Stderr.ShouldBe($"warning: 1 plugin(s) could not be loaded ({name}); run 'truto plugins list' for the reasons\n");
        return PluginTestBed.Entry(plugins, name);
    }
}
