using System.Diagnostics;
using System.IO.Compression;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Startup;

namespace Truto.Cli.Plugins;

/// <summary>
/// Installs a plugin for the user: from a built folder, a .zip of one, a .nupkg, or a plugin project (published
/// first). The plugin is staged beside the user plugin folder, loaded there exactly as truto would load it, and
/// moved into place only when it loads and its commands are free; otherwise nothing is copied.
/// </summary>
internal sealed class PluginInstaller(HostSettings settings, IStandardStreams streams, PluginInventory inventory)
{
    public async Task<PluginRecord> InstallAsync(string source, bool replace, Action<string> status, CancellationToken cancellationToken)
    {
        var userFolder = settings.UserPluginDirectory;
        Directory.CreateDirectory(userFolder);
        var staging = Path.Combine(userFolder, $".staging-{Guid.NewGuid():N}");
        try
        {
            var files = await ResolveAsync(Path.GetFullPath(source), staging, status, cancellationToken);
            var assembly = FindPluginAssembly(files, Path.GetFileNameWithoutExtension(source.TrimEnd('/', '\\')));
            var name = Path.GetFileNameWithoutExtension(assembly);
            var staged = Path.Combine(staging, "plugins", name);
            CopyFolder(files, staged, skipSdk: true);

            var catalog = PluginCatalog.ForHost(new McMasterPluginLoader(), settings, streams);
            var record = catalog.Discover([new PluginFolder(Path.Combine(staging, "plugins"), PluginSource.User)]).Single();
            if (record.Status != PluginStatus.Loaded)
            {
                throw new CliException($"{name} was not installed: it is {PluginText.Of(record.Status)}: {record.Reason}", "Fix the plugin and install it again; nothing was copied.");
            }

            var target = Path.Combine(userFolder, name);
            var taken = record.Commands.SelectMany(c => c.Aliases.Prepend(c.Name))
                .Select(command => (command, owner: inventory.FindCommand(command)))
                .FirstOrDefault(x => x.owner is { } owner && Path.GetDirectoryName(owner.Plugin.Path) != target);
            if (taken.owner is { } other)
            {
                throw new CliException($"{name} was not installed: its command '{taken.command}' is already provided by plugin '{other.Plugin.Name}' ({other.Plugin.Path})", "Remove or rename one of them; nothing was copied.");
            }

            if (Directory.Exists(target))
            {
                if (!replace)
                {
                    throw new UsageException($"{name} is already installed in {target}", "Pass --force to replace it.");
                }

                var old = Path.Combine(staging, "replaced");
                Directory.Move(target, old);
            }

            Directory.Move(staged, target);
            return record with { Path = Path.Combine(target, name + ".dll") };
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    public void Remove(string name)
    {
        var plugin = inventory.Plugins.FirstOrDefault(p =>
            string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.GetFileName(FolderOf(p)), name, StringComparison.OrdinalIgnoreCase));
        if (plugin is null)
        {
            var installed = inventory.Plugins.Where(p => p.Source == PluginSource.User).Select(p => p.Name).ToArray();
            throw new UsageException($"no plugin named '{name}'",
                installed.Length == 0 ? "No plugins are installed for your user." : $"Installed for your user: {string.Join(", ", installed)}.");
        }

        if (plugin.Source != PluginSource.User)
        {
            throw new UsageException(
                $"'{name}' is {(plugin.Source == PluginSource.Bundled ? "bundled with truto" : "loaded from TRUTO_PLUGIN_PATH")}, not installed for your user",
                $"Only plugins in {settings.UserPluginDirectory} can be removed with this command; its folder is {FolderOf(plugin)}.");
        }

        // Rename first, so a half-deleted plugin is never left where truto would load it.
        var folder = FolderOf(plugin);
        var doomed = Path.Combine(settings.UserPluginDirectory, $".removing-{Guid.NewGuid():N}");
        Directory.Move(folder, doomed);
        Directory.Delete(doomed, recursive: true);
    }

    private static string FolderOf(PluginRecord plugin) =>
        plugin.Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(plugin.Path)! : plugin.Path;

    /// <summary>The folder holding the built plugin, extracting or publishing into the staging folder as needed.</summary>
    private static async Task<string> ResolveAsync(string source, string staging, Action<string> status, CancellationToken cancellationToken)
    {
        if (Directory.Exists(source))
        {
            var projects = Directory.GetFiles(source, "*.csproj");
            if (projects.Length == 0)
            {
                return source;
            }

            if (projects.Length > 1)
            {
                throw new UsageException($"{source} holds {projects.Length} projects", "Point at the plugin project's own folder.");
            }

            var output = Path.Combine(staging, "published");
            status($"Publishing {projects[0]} ...");
            await PublishAsync(projects[0], output, cancellationToken);
            return output;
        }

        if (!File.Exists(source))
        {
            throw new UsageException($"{source} does not exist", "Give a built plugin folder, a .zip or .nupkg, or a plugin project folder.");
        }

        var extracted = Path.Combine(staging, "extracted");
        switch (Path.GetExtension(source).ToLowerInvariant())
        {
            case ".zip":
                ZipFile.ExtractToDirectory(source, extracted);
                var roots = Directory.GetFileSystemEntries(extracted);
                return roots.Length == 1 && Directory.Exists(roots[0]) ? roots[0] : extracted;
            case ".nupkg":
                ZipFile.ExtractToDirectory(source, extracted);
                var lib = Path.Combine(extracted, "lib");
                var frameworks = Directory.Exists(lib) ? Directory.GetDirectories(lib) : [];
                return frameworks.FirstOrDefault(f => Path.GetFileName(f) == "net10.0") ?? frameworks.FirstOrDefault()
                    ?? throw new UsageException($"{source} holds no lib/ folder", "Pack the plugin as a library package, or install its built folder.");
            default:
                throw new UsageException($"{source} is not a folder, .zip or .nupkg", "Give a built plugin folder, a .zip or .nupkg, or a plugin project folder.");
        }
    }

    private static async Task PublishAsync(string project, string output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new CliException("could not start 'dotnet publish'", "Install the .NET SDK to install a plugin from its project.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var log = (await stdout + await stderr).Trim();
            throw new CliException($"'dotnet publish {project}' failed (exit {process.ExitCode}):\n{log}", "Fix the build, then install again; nothing was copied.");
        }
    }

    private static string FindPluginAssembly(string folder, string preferredName)
    {
        var candidates = Directory.GetFiles(folder, "*.dll").Where(ReferencesSdk).ToArray();
        return candidates.Length switch
        {
            0 => throw new UsageException($"no truto plugin in {folder}", "A plugin is a DLL built against Truto.Cli.Sdk; build it first, or point at its project folder."),
            1 => candidates[0],
            _ => candidates.FirstOrDefault(c => string.Equals(Path.GetFileNameWithoutExtension(c), preferredName, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"{folder} holds several plugins: {string.Join(", ", candidates.Select(Path.GetFileName))}", "Install them one folder at a time."),
        };
    }

    private static bool ReferencesSdk(string path)
    {
        try
        {
            return AssemblyInspector.ReadSdkReference(path) is not null;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException)
        {
            return false;
        }
    }

    /// <summary>The SDK is the host's; a private copy would only mislead whoever reads the folder.</summary>
    private static void CopyFolder(string from, string to, bool skipSdk)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skipSdk && relative.StartsWith(AssemblyInspector.SdkAssemblyName + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
