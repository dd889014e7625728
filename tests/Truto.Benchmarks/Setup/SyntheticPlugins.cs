using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Truto.Benchmarks.Setup;

/// <summary>
/// Real plugins, many of them, quickly: each is one generated source compiled in-process against the framework's
/// reference assemblies and the published host's Truto.Cli.Sdk.dll and CommandLineUtils, written as
/// <c>&lt;folder&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c> (the layout the host discovers) with owner-only write bits, so
/// the host's trust check accepts them.
/// </summary>
internal static class SyntheticPlugins
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes <paramref name="count"/> plugins into <paramref name="pluginsFolder"/>, replacing what was there.</summary>
    public static void Generate(string pluginsFolder, int count, string trutoDirectory)
    {
        if (Directory.Exists(pluginsFolder))
        {
            Directory.Delete(pluginsFolder, recursive: true);
        }

        CreateFolder(pluginsFolder);
        var references = FrameworkReferences()
            .Append(Path.Combine(trutoDirectory, "Truto.Cli.Sdk.dll"))
            .Append(Path.Combine(trutoDirectory, "McMaster.Extensions.CommandLineUtils.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);

        Parallel.For(1, count + 1, number =>
        {
            var name = $"Truto.Bench.Synth{number:D2}";
            var tree = CSharpSyntaxTree.ParseText(Source($"{number:D2}"), parse);
            var compilation = CSharpCompilation.Create(name, [tree], references, options);
            var folder = Path.Combine(pluginsFolder, name);
            CreateFolder(folder);
            var dll = Path.Combine(folder, name + ".dll");
            using (var file = File.Create(dll))
            {
                var result = compilation.Emit(file);
                if (!result.Success)
                {
                    var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
                    throw new InvalidOperationException($"synthetic plugin {name} did not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
                }
            }

            File.SetUnixFileMode(dll, FileMode);
        });
    }

    private static string Source(string number) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using McMaster.Extensions.CommandLineUtils;
        using Truto.Cli.Sdk.Commands;
        using Truto.Cli.Sdk.Errors;
        using Truto.Cli.Sdk.Output;
        using Truto.Cli.Sdk.Plugins;

        [assembly: TrutoPlugin(typeof(Truto.Bench.Synth{{number}}.Entry))]
        [assembly: System.Reflection.AssemblyVersion("1.0.0.0")]

        namespace Truto.Bench.Synth{{number}};

        public sealed class Entry : ITrutoPlugin
        {
            public string Name => "synth{{number}}";

            public string Description => "Synthetic benchmark plugin {{number}}.";

            public void Register(IPluginBuilder plugin) => plugin.AddCommand<SynthCommand>();
        }

        [Command("synth{{number}}", Description = "Says which synthetic plugin this is.")]
        public sealed class SynthCommand(IOutput output) : ITrutoCommand
        {
            [Option("--shout", Description = "In capitals.")]
            public bool Shout { get; set; }

            public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
            {
                await output.WriteObjectAsync(new { plugin = Shout ? "SYNTH{{number}}" : "synth{{number}}" }, cancellationToken);
                return ExitCodes.Success;
            }
        }
        """;

    /// <summary>The reference pack matching the running framework, else the framework's own assemblies.</summary>
    private static IEnumerable<string> FrameworkReferences()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory(); // <dotnet>/shared/Microsoft.NETCore.App/<version>/
        var version = Environment.Version;
        var packs = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        var referenceFolder = Directory.Exists(packs)
            ? Directory.GetDirectories(packs, $"{version.Major}.{version.Minor}.*")
                .Select(d => Path.Combine(d, "ref", $"net{version.Major}.{version.Minor}"))
                .Where(Directory.Exists)
                .OrderDescending()
                .FirstOrDefault()
            : null;
        return Directory.GetFiles(referenceFolder ?? runtimeDirectory, "*.dll").Where(IsManaged);
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static void CreateFolder(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, FolderMode);
    }
}
