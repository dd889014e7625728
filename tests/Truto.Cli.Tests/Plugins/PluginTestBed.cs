using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Plugins;

/// <summary>
/// A truto host without the bundled plugins, and plugin folders to drop compiled test plugins into. A test copies in
/// only the plugins it needs; every folder is deleted on dispose.
/// </summary>
internal sealed class PluginTestBed : IDisposable
{
    private static readonly string BuiltPlugins = Path.Combine(AppContext.BaseDirectory, "testplugins");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "truto-plugins-" + Guid.NewGuid().ToString("N")[..12]);

    public PluginTestBed()
    {
        Host = new TrutoTestHost { BundledPluginDirectory = null };
        PluginPathFolder = AddPluginPathFolder("path");
    }

    public TrutoTestHost Host { get; }

    /// <summary>The first folder of TRUTO_PLUGIN_PATH.</summary>
    public string PluginPathFolder { get; }

    /// <summary>The user's plugin folder (<c>~/.truto/plugins</c>).</summary>
    public string UserFolder => Host.UserPluginDirectory;

    /// <summary>A folder of bundled plugins, as if beside the executable; created on first use.</summary>
    public string BundledFolder
    {
        get
        {
            Host.BundledPluginDirectory ??= NewFolder("bundled");
            return Host.BundledPluginDirectory;
        }
    }

    /// <summary>Adds another folder to the end of TRUTO_PLUGIN_PATH.</summary>
    public string AddPluginPathFolder(string name)
    {
        var folder = NewFolder(name);
        Host.PluginDirectories.Add(folder);
        return folder;
    }

    /// <summary>Copies a compiled test plugin's folder into <paramref name="pluginsFolder"/>; returns the copy.</summary>
    public string Install(string plugin, string pluginsFolder)
    {
        var source = Path.Combine(BuiltPlugins, plugin);
        if (!Directory.Exists(source))
        {
            throw new InvalidOperationException($"{source} is missing: is {plugin} listed in tests/TestPlugins/TestPlugins.props?");
        }

        var target = Path.Combine(pluginsFolder, plugin);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public string InstallInPluginPath(string plugin) => Install(plugin, PluginPathFolder);

    public string InstallForUser(string plugin) => Install(plugin, UserFolder);

    public string InstallBundled(string plugin) => Install(plugin, BundledFolder);

    /// <summary>Writes <c>&lt;folder&gt;/Garbage/Garbage.dll</c>: bytes that are no assembly at all.</summary>
    public string WriteGarbagePlugin(string pluginsFolder)
    {
        var path = Path.Combine(pluginsFolder, "Garbage", "Garbage.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new byte[4096];
        new Random(20261128).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task<CliResult> RunAsync(params string[] args) => Host.RunAsync(args);

    /// <summary>Runs <c>truto plugins list -o json</c> and returns the entry named <paramref name="name"/>.</summary>
    public async Task<JObject> ListedAsync(string name) => Entry(await ListAsync(), name);

    /// <summary>The one entry of a <c>plugins list</c> named <paramref name="name"/>.</summary>
    public static JObject Entry(JArray plugins, string name)
    {
        var matches = plugins.OfType<JObject>().Where(p => (string?)p["name"] == name).ToArray();
        matches.Length.ShouldBe(1, $"plugins named '{name}' in:\n{plugins}");
        return matches[0];
    }

    /// <summary>Runs <c>truto plugins list -o json</c>, which must succeed quietly.</summary>
    public async Task<JArray> ListAsync()
    {
        var result = await RunAsync("plugins", "list", "-o", "json");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        return JArray.Parse(result.Stdout);
    }

    public void Dispose()
    {
        Host.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private string NewFolder(string name)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
