using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.HostCommands.Scaffolding;
using Truto.Cli.Plugins;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Startup;

namespace Truto.Cli.HostCommands;

[Command("init", Description = "Create a new plugin project: the plugin, an example command and its tests.",
    ExtendedHelpText = """

Writes <dir>/<Name>/ with src/<Name> (the plugin, referencing the SDK package without shipping it),
tests/<Name>.Tests (tests on the Truto.Cli.Sdk.Testing kit) and a README. The SDK packages that
came with truto are used as a package source when present.

Examples:
  truto plugins init AcmeTools
  truto plugins init AcmeTools --dir ~/src
  cd AcmeTools && dotnet test tests/AcmeTools.Tests
""")]
internal sealed class PluginsInitCommand(IOutput output, HostSettings settings) : ITrutoCommand
{
    [Required(ErrorMessage = "name the plugin, e.g. 'truto plugins init AcmeTools'")]
    [Argument(0, "name", "The plugin's name in PascalCase, e.g. AcmeTools.")]
    public string? Name { get; set; }

    [Option("--dir <path>", Description = "Where to create the project folder (default: the current folder).")]
    public string? Directory { get; set; }

    [Option("--package-source <path>", Description = "A folder holding the Truto.Cli.Sdk packages (default: the ones that came with truto).")]
    public string? PackageSource { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var name = Name!.Trim();
        if (!PluginTemplate.IsValidName(name))
        {
            throw new UsageException($"'{name}' is not a plugin name", "Use PascalCase letters and digits, starting with a capital: e.g. AcmeTools.");
        }

        var root = Path.GetFullPath(Path.Combine(Directory ?? System.IO.Directory.GetCurrentDirectory(), name));
        if (System.IO.Directory.Exists(root) && System.IO.Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new UsageException($"{root} already exists and is not empty", "Choose another name or --dir; nothing was written.");
        }

        var packages = PackageSource is not null ? Path.GetFullPath(PackageSource) : BundledPackages();
        if (PackageSource is not null && !System.IO.Directory.Exists(packages))
        {
            throw new UsageException($"--package-source {packages} does not exist", "Point it at a folder holding Truto.Cli.Sdk*.nupkg.");
        }

        var sdk = PluginCatalog.HostSdkVersion;
        foreach (var (relative, content) in PluginTemplate.Files(name, $"{sdk.Major}.{sdk.Minor}.0", packages))
        {
            var path = Path.Combine(root, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content, cancellationToken);
        }

        output.Status($"Created {root}");
        output.Status($"Next: cd {root} && dotnet test tests/{name}.Tests, then 'truto plugins install src/{name}'.");
        return ExitCodes.Success;
    }

    /// <summary>The SDK packages a published truto carries beside itself, if any.</summary>
    private string? BundledPackages()
    {
        var folder = Path.Combine(Path.GetDirectoryName(settings.BundledPluginDirectory)!, "sdk-packages");
        return System.IO.Directory.Exists(folder) ? folder : null;
    }
}
