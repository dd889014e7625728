using Truto.Cli.Startup;
using Truto.Emulator;

namespace Truto.Cli.Sdk.Testing;

/// <summary>
/// Runs truto in-process through the host's single entry point, as the executable would, but with a temporary
/// config folder (deleted on dispose), an environment of your choosing and captured streams. Runs are
/// independent of the process environment, so tests can run in parallel.
/// </summary>
public sealed class TrutoTestHost : IDisposable
{
    /// <summary>Creates a host with an empty temporary config folder.</summary>
    public TrutoTestHost()
    {
        ConfigDirectory = Path.Combine(Path.GetTempPath(), "truto-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(ConfigDirectory);
    }

    /// <summary>The config folder (what <c>~/.truto</c> is for a user): config.json, plugins/, cache/.</summary>
    public string ConfigDirectory { get; }

    /// <summary>The user plugin folder, <c>&lt;config&gt;/plugins</c>.</summary>
    public string UserPluginDirectory => Path.Combine(ConfigDirectory, "plugins");

    /// <summary>Environment variables the run sees (nothing of the test process's own environment).</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// False (the default) runs truto as if <c>NO_COLOR</c> were set, so output compares as plain text even on an
    /// interactive <see cref="TestTerminal"/>. Set it to true to see the colour truto would use on a terminal.
    /// </summary>
    public bool Color { get; set; }

    /// <summary>Folders for <c>TRUTO_PLUGIN_PATH</c>, searched after the bundled and user folders.</summary>
    public IList<string> PluginDirectories { get; } = new List<string>();

    /// <summary>
    /// The folder of bundled plugins: by default <c>plugins/</c> beside the test assembly, where a test project
    /// that imports the bundled plugins gets them; null for none.
    /// </summary>
    public string? BundledPluginDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>
    /// Makes a plugin's build output loadable: copies the folder holding <paramref name="pluginAssemblyPath"/> to
    /// <c>&lt;Name&gt;/</c> in a plugin folder of this host, the layout truto discovers.
    /// </summary>
    /// <param name="pluginAssemblyPath">The plugin's main DLL, for example <c>typeof(MyPlugin).Assembly.Location</c>.</param>
    /// <returns>The folder the plugin was copied to.</returns>
    public string AddPlugin(string pluginAssemblyPath)
    {
        var source = Path.GetDirectoryName(Path.GetFullPath(pluginAssemblyPath))!;
        var pluginFolder = Path.Combine(ConfigDirectory, "test-plugins");
        var target = Path.Combine(pluginFolder, Path.GetFileNameWithoutExtension(pluginAssemblyPath));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("plugins" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue; // bundled plugins beside a test assembly are not part of this plugin
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative), overwrite: true);
        }

        if (!PluginDirectories.Contains(pluginFolder))
        {
            PluginDirectories.Add(pluginFolder);
        }

        return target;
    }

    /// <summary>
    /// Starts the Truto API emulator on a free loopback port, gives it <paramref name="token"/> (with a team, an
    /// environment and a few API tokens), and logs this host in to it as the active profile <c>default</c>.
    /// Dispose the emulator when the test ends.
    /// </summary>
    /// <param name="token">The API token the emulator accepts.</param>
    /// <returns>The running emulator: seed data, queue faults and read the requests it received.</returns>
    public async Task<TrutoEmulator> StartEmulatorAsync(string token)
    {
        var emulator = await TrutoEmulator.StartAsync();
        emulator.AddToken(token);
        var config = new Newtonsoft.Json.Linq.JObject
        {
            ["activeProfile"] = "default",
            ["profiles"] = new Newtonsoft.Json.Linq.JObject
            {
                ["default"] = new Newtonsoft.Json.Linq.JObject { ["apiUrl"] = emulator.BaseUrl.AbsoluteUri.TrimEnd('/'), ["token"] = token },
            },
        };
        await File.WriteAllTextAsync(Path.Combine(ConfigDirectory, "config.json"), config.ToString());
        return emulator;
    }

    /// <summary>Runs truto with no terminal (as under CI) and returns what it printed.</summary>
    /// <param name="args">The arguments after <c>truto</c>.</param>
    /// <returns>The exit code and output.</returns>
    public Task<CliResult> RunAsync(params string[] args) => RunAsync(new TestTerminal(), args);

    /// <summary>Runs truto on the given terminal.</summary>
    /// <param name="terminal">Scripted input, TTY flags and width.</param>
    /// <param name="args">The arguments after <c>truto</c>.</param>
    /// <returns>The exit code and output.</returns>
    public Task<CliResult> RunAsync(TestTerminal terminal, params string[] args) =>
        RunAsync(terminal, CancellationToken.None, args);

    /// <summary>Runs truto on the given terminal with a cancellation token standing in for Ctrl+C.</summary>
    /// <param name="terminal">Scripted input, TTY flags and width.</param>
    /// <param name="cancellationToken">Cancel it to simulate Ctrl+C.</param>
    /// <param name="args">The arguments after <c>truto</c>.</param>
    /// <returns>The exit code and output.</returns>
    public async Task<CliResult> RunAsync(TestTerminal terminal, CancellationToken cancellationToken, params string[] args)
    {
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal)
        {
            ["TRUTO_CONFIG_DIR"] = ConfigDirectory,
            ["HOME"] = ConfigDirectory,
        };
        if (!Color)
        {
            environment.TryAdd("NO_COLOR", "1");
        }

        if (PluginDirectories.Count > 0)
        {
            environment["TRUTO_PLUGIN_PATH"] = string.Join(Path.PathSeparator, PluginDirectories);
        }

        var settings = HostSettings.FromEnvironment(environment, AppContext.BaseDirectory) with
        {
            BundledPluginDirectory = BundledPluginDirectory ?? Path.Combine(ConfigDirectory, "no-bundled-plugins"),
        };
        var exitCode = await TrutoHost.RunAsync(args, settings, terminal, cancellationToken);
        return new CliResult(exitCode, terminal.Stdout, terminal.Stderr);
    }

    /// <summary>Deletes the temporary config folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
