using System.Reflection;
using Newtonsoft.Json.Linq;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Testing;
using Truto.Cli.Startup;

namespace Truto.Cli.Tests.Plugins;

/// <summary>
/// The plugin manifest cache (<c>&lt;config&gt;/cache/plugins-&lt;hash&gt;.manifest</c>): what lets a run load only the plugin
/// that owns its command. It must never change what truto says or does, only how much it loads.
/// </summary>
public sealed class PluginManifestCacheTests : IDisposable
{
    private readonly PluginTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private string ManifestPath => new HostSettings { ConfigDirectory = _bed.Host.ConfigDirectory, BundledPluginDirectory = "" }.PluginManifestPath;

    [Fact]
    public void Each_installation_of_truto_keeps_its_own_manifest_in_a_shared_config_folder()
    {
        var release = PluginManifest.FileNameFor("/usr/lib/truto/");
        var development = PluginManifest.FileNameFor("/home/ada/truto-host/host/Truto.Cli/bin/Debug/net10.0/");

        // The same name in every process (no per-process string hashing), a different one per installation.
        release.ShouldBe("plugins-d00d6180.manifest");
        development.ShouldNotBe(release);
        development.ShouldMatch("^plugins-[0-9a-f]{8}\\.manifest$");
    }

    [Fact]
    public async Task The_first_run_writes_the_manifest_and_later_runs_list_the_same_plugins_from_it()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        _bed.InstallInPluginPath(TestPlugin.NoEntryAttribute);

        // When
        var first = await _bed.ListAsync();
        var written = File.ReadAllText(ManifestPath);
        var second = await _bed.ListAsync();

        // Then
        written.ShouldStartWith("truto-plugin-manifest 2\t");
        written.ShouldContain("command\tgreet\t");
        second.ToString().ShouldBe(first.ToString());
        PluginTestBed.Entry(second, "greeter")["status"]!.ToString().ShouldBe("loaded");
        PluginTestBed.Entry(second, TestPlugin.NoEntryAttribute)["reason"]!.ToString()
            .ShouldBe("has no [assembly: TrutoPlugin(typeof(...))] attribute naming its entry type");
    }

    [Fact]
    public async Task A_host_command_that_never_asks_for_the_plugins_returns_only_once_discovery_is_done()
    {
        // Given a plugin that takes a while to load (nothing is cached yet, so discovery loads it)
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        var settings = new HostSettings
        {
            ConfigDirectory = _bed.Host.ConfigDirectory,
            BundledPluginDirectory = Path.Combine(_bed.Host.ConfigDirectory, "no-bundled-plugins"),
            EnvironmentPluginDirectories = [_bed.PluginPathFolder],
        };
        var loader = new SlowLoader(TimeSpan.FromMilliseconds(300));

        // When: completion needs no plugin, and discovery runs on another thread beside it
        var exitCode = await TrutoHost.RunAsync(["completion", "bash"], settings, new TestTerminal(), CancellationToken.None, loader);

        // Then: the run did not end while discovery was still loading the plugin or writing the cache
        exitCode.ShouldBe(0);
        loader.Loaded.ShouldBe(1);
        File.ReadAllText(ManifestPath).ShouldContain("command\tgreet\t");
        Directory.GetFiles(Path.GetDirectoryName(ManifestPath)!, "*.tmp").ShouldBeEmpty();
    }

    private sealed class SlowLoader(TimeSpan delay) : IPluginLoader
    {
        private readonly McMasterPluginLoader _loader = new();
        private int _loaded;

        public int Loaded => Volatile.Read(ref _loaded);

        public Assembly Load(string assemblyPath)
        {
            Thread.Sleep(delay);
            var assembly = _loader.Load(assemblyPath);
            Interlocked.Increment(ref _loaded);
            return assembly;
        }
    }

    [Fact]
    public async Task Version_is_answered_without_discovering_any_plugin()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        _bed.WriteGarbagePlugin(_bed.PluginPathFolder);

        // When
        var version = await _bed.RunAsync("--version");

        // Then: no discovery ran, so nothing was cached and no plugin was complained about
        version.ExitCode.ShouldBe(0);
        version.Stdout.ShouldStartWith("truto ");
        version.Stderr.ShouldBeEmpty();
        File.Exists(ManifestPath).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cached_plugin_still_runs_its_commands_and_shows_in_the_root_help()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        await _bed.ListAsync();

        // When
        var help = await _bed.RunAsync("--help");
        var hello = await _bed.RunAsync("greet", "hello", "Ada", "-o", "json");

        // Then
        help.Stdout.ShouldContain("greet       Greet people.");
        hello.ExitCode.ShouldBe(0, hello.ToString());
        JObject.Parse(hello.Stdout)["greeting"]!.ToString().ShouldBe("Hello, Ada!");
    }

    [Fact]
    public async Task Only_the_plugin_that_owns_the_command_is_loaded()
    {
        // Given: a cached plugin whose DLL is then broken without changing its size or time, so only loading it
        // can tell
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        var other = _bed.InstallInPluginPath(TestPlugin.MissingDependency);
        await _bed.ListAsync();
        BreakKeepingSizeAndTime(Path.Combine(other, TestPlugin.MissingDependency + ".dll"));

        // When
        var greet = await _bed.RunAsync("greet", "hello", "Ada");
        var listed = await _bed.ListedAsync("missing-dependency");

        // Then: the greeter ran without touching the broken plugin, which the cache still describes
        greet.ExitCode.ShouldBe(0, greet.ToString());
        greet.Stderr.ShouldBeEmpty();
        listed["status"]!.ToString().ShouldBe("loaded");
    }

    [Fact]
    public async Task A_cached_plugin_that_no_longer_loads_fails_its_command_clearly_and_is_then_listed_as_failed()
    {
        // Given
        var folder = _bed.InstallInPluginPath(TestPlugin.Greeter);
        await _bed.ListAsync();
        BreakKeepingSizeAndTime(Path.Combine(folder, TestPlugin.Greeter + ".dll"));

        // When
        var greet = await _bed.RunAsync("greet", "hello", "Ada");
        var listed = await _bed.ListedAsync(TestPlugin.Greeter);

        // Then
        greet.ExitCode.ShouldBe(1);
        greet.Stdout.ShouldBeEmpty();
        greet.Stderr.ShouldContain("plugin 'greeter' could not be loaded: ");
        greet.Stderr.ShouldContain("Run 'truto plugins list'");
        listed["status"]!.ToString().ShouldBe("failed");
    }

    [Fact]
    public async Task Any_change_in_a_plugin_folder_makes_it_load_afresh()
    {
        // Given
        var folder = _bed.InstallInPluginPath(TestPlugin.MissingDependency);
        (await _bed.ListedAsync("missing-dependency"))["status"]!.ToString().ShouldBe("loaded");

        // When
        File.Delete(Path.Combine(folder, TestPlugin.MissingDependencyHelper + ".dll"));
        var listed = await _bed.ListedAsync(TestPlugin.MissingDependency);

        // Then
        listed["status"]!.ToString().ShouldBe("failed");
        listed["reason"]!.ToString().ShouldStartWith("a dependency is missing: Truto.TestPlugins.MissingDependency.Helper");
    }

    [Fact]
    public async Task A_new_plugin_dropped_in_after_caching_is_found()
    {
        // Given
        await _bed.ListAsync();

        // When
        _bed.InstallForUser(TestPlugin.Greeter);
        var listed = await _bed.ListedAsync("greeter");

        // Then
        listed["status"]!.ToString().ShouldBe("loaded");
        listed["source"]!.ToString().ShouldBe("user");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("other host build")]
    public async Task A_damaged_or_foreign_manifest_is_rebuilt_not_trusted(string damage)
    {
        // Given: a manifest that claims the greeter adds a command 'bogus'
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        await _bed.ListAsync();
        var good = File.ReadAllText(ManifestPath).Replace("command\tgreet\t", "command\tbogus\t");
        File.WriteAllText(ManifestPath, damage switch
        {
            "garbage" => "\0\u0001not a manifest\n",
            "truncated" => good[..^4],
            _ => good.Replace(PluginManifest.HostStamp, "00000000000000000000000000000000 1.0.0.0"),
        });

        // When
        var listed = await _bed.ListedAsync("greeter");

        // Then
        listed["commands"]!.ToObject<string[]>().ShouldBe(["greet"]);
        File.ReadAllText(ManifestPath).ShouldContain("command\tgreet\t");
        File.ReadAllText(ManifestPath).ShouldEndWith("end\n");
    }

    [Fact]
    public async Task The_trust_check_is_made_on_every_run_even_for_a_cached_plugin()
    {
        // Given
        var folder = _bed.InstallInPluginPath(TestPlugin.Greeter);
        await _bed.ListAsync();

        // When
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.OtherWrite);
        var greet = await _bed.RunAsync("greet", "hello", "Ada");

        // Then
        greet.ExitCode.ShouldBe(2);
        greet.Stderr.ShouldContain("unknown command 'greet'");
        (await _bed.ListedAsync("Truto.TestPlugins.Greeter"))["status"]!.ToString().ShouldBe("untrusted");
    }

    [Fact]
    public async Task A_cache_folder_that_cannot_be_written_changes_nothing_but_speed()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.Greeter);
        Directory.CreateDirectory(ManifestPath); // a folder where the file should be: no write can succeed

        // When
        var greet = await _bed.RunAsync("greet", "hello", "Ada");
        var again = await _bed.RunAsync("greet", "hello", "Ada");

        // Then
        greet.ExitCode.ShouldBe(0, greet.ToString());
        greet.Stderr.ShouldBeEmpty();
        again.Stdout.ShouldBe(greet.Stdout);
        Directory.Exists(ManifestPath).ShouldBeTrue();
        Directory.GetFiles(Path.GetDirectoryName(ManifestPath)!).ShouldBeEmpty("no temporary file is left behind");
    }

    private static void BreakKeepingSizeAndTime(string assemblyPath)
    {
        var time = File.GetLastWriteTimeUtc(assemblyPath);
        var length = new FileInfo(assemblyPath).Length;
        File.WriteAllBytes(assemblyPath, new byte[length]);
        File.SetLastWriteTimeUtc(assemblyPath, time);
    }
}
