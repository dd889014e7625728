using System.IO.Compression;
using Newtonsoft.Json.Linq;

namespace Truto.Cli.Tests.Plugins;

/// <summary>`truto plugins install` and `remove`: checked before copying, and nothing copied when it fails.</summary>
public sealed class PluginInstallTests : IDisposable
{
    private readonly PluginTestBed _bed = new();
    private readonly string _downloads = Path.Combine(Path.GetTempPath(), "truto-downloads-" + Guid.NewGuid().ToString("N")[..10]);

    public PluginInstallTests() => Directory.CreateDirectory(_downloads);

    public void Dispose()
    {
        _bed.Dispose();
        Directory.Delete(_downloads, recursive: true);
    }

    /// <summary>A built plugin folder as a user has it: the build output, under any name.</summary>
    private string Built(string plugin)
    {
        var folder = Path.Combine(_downloads, "build-of-" + plugin);
        _bed.Install(plugin, folder);
        return Path.Combine(folder, plugin);
    }

    private string[] UserFolderEntries() =>
        Directory.Exists(_bed.UserFolder) ? Directory.GetFileSystemEntries(_bed.UserFolder).Select(e => Path.GetFileName(e)).Order().ToArray() : [];

    [Fact]
    public async Task Installs_a_built_plugin_folder_for_the_user_and_its_commands_run()
    {
        var result = await _bed.Host.RunAsync("plugins", "install", Built(TestPlugin.Greeter));
        var listed = JArray.Parse((await _bed.Host.RunAsync("plugins", "list", "-o", "json")).Stdout);
        var greet = await _bed.Host.RunAsync("greet", "hello", "Ada");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain($"Installed greeter");
        UserFolderEntries().ShouldBe([TestPlugin.Greeter]);
        listed.Single(p => (string?)p["name"] == "greeter")["source"]!.ToString().ShouldBe("user");
        greet.ExitCode.ShouldBe(0, greet.ToString());
    }

    [Fact]
    public async Task Installs_from_a_zip()
    {
        var zip = Path.Combine(_downloads, "greeter.zip");
        ZipFile.CreateFromDirectory(Built(TestPlugin.Greeter), zip);

        var result = await _bed.Host.RunAsync("plugins", "install", zip);

        result.ExitCode.ShouldBe(0, result.ToString());
        UserFolderEntries().ShouldBe([TestPlugin.Greeter]);
    }

    [Fact]
    public async Task A_plugin_missing_a_dependency_is_not_installed_and_nothing_is_copied()
    {
        var folder = Built(TestPlugin.MissingDependency);
        File.Delete(Path.Combine(folder, TestPlugin.MissingDependencyHelper + ".dll"));

        var result = await _bed.Host.RunAsync("plugins", "install", folder);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("was not installed: it is failed: a dependency is missing");
        UserFolderEntries().ShouldBeEmpty();
    }

    // Each is what discovery would say of the plugin: install loads it exactly as truto would, and copies nothing.
    [Theory]
    [InlineData(TestPlugin.UnbuildableCommand, "it is failed: Unable to resolve service for type 'Truto.TestPlugins.UnbuildableCommand.IClock'")]
    [InlineData(TestPlugin.NextMajorSdk, "it is incompatible: built for Truto.Cli.Sdk 2.0, but this truto has SDK 1.0")]
    [InlineData(TestPlugin.HostCommandName, "it is conflict: command 'context' is already provided by truto itself")]
    public async Task A_plugin_truto_would_not_load_is_refused_saying_why_and_nothing_is_copied(string plugin, string reason)
    {
        var result = await _bed.Host.RunAsync("plugins", "install", Built(plugin));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain($"was not installed: {reason}");
        UserFolderEntries().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plugin_whose_command_is_taken_is_refused()
    {
        _bed.InstallInPluginPath(TestPlugin.Greeter);

        var result = await _bed.Host.RunAsync("plugins", "install", Built(TestPlugin.DuplicateCommand));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("its command 'greet' is already provided by plugin 'greeter'");
        UserFolderEntries().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_folder_without_a_plugin_is_a_usage_error()
    {
        var empty = Path.Combine(_downloads, "nothing-here");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "readme.txt"), "hello");

        var result = await _bed.Host.RunAsync("plugins", "install", empty);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("no truto plugin in");
    }

    [Fact]
    public async Task Installing_again_needs_force_which_replaces_it()
    {
        var folder = Built(TestPlugin.Greeter);
        await _bed.Host.RunAsync("plugins", "install", folder);

        var again = await _bed.Host.RunAsync("plugins", "install", folder);
        var forced = await _bed.Host.RunAsync("plugins", "install", folder, "--force");

        again.ExitCode.ShouldBe(2);
        again.Stderr.ShouldContain("already installed");
        forced.ExitCode.ShouldBe(0, forced.ToString());
        UserFolderEntries().ShouldBe([TestPlugin.Greeter]);
    }

    [Fact]
    public async Task Remove_takes_an_installed_plugin_away_by_name()
    {
        await _bed.Host.RunAsync("plugins", "install", Built(TestPlugin.Greeter));

        var removed = await _bed.Host.RunAsync("plugins", "remove", "greeter");
        var greet = await _bed.Host.RunAsync("greet", "hello", "Ada");

        removed.ExitCode.ShouldBe(0, removed.ToString());
        UserFolderEntries().ShouldBeEmpty();
        greet.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Remove_leaves_plugins_from_other_sources_alone_and_says_where_they_are()
    {
        var folder = _bed.InstallInPluginPath(TestPlugin.Greeter);

        var result = await _bed.Host.RunAsync("plugins", "remove", "greeter");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("loaded from TRUTO_PLUGIN_PATH");
        Directory.Exists(folder).ShouldBeTrue();
    }

    [Fact]
    public async Task Removing_an_unknown_plugin_is_a_usage_error()
    {
        var result = await _bed.Host.RunAsync("plugins", "remove", "nope");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("no plugin named 'nope'");
    }
}
