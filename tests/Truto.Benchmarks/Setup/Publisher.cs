using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace Truto.Benchmarks.Setup;

/// <summary>
/// Produces the programs under test: truto and a hello-world baseline, both published framework-dependent with an
/// apphost and ReadyToRun for this machine's runtime identifier (the way build.cake's Publish ships truto), and the
/// emulator. Everything lands under artifacts/bench.
/// </summary>
internal sealed class Publisher(string repoRoot)
{
    public static string RuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;

    public string BenchDirectory { get; } = Path.Combine(repoRoot, "artifacts", "bench");

    /// <summary>The properties build.cake's Publish target uses.</summary>
    public static string[] ReadyToRunArguments =>
        ["-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true", "--disable-build-servers"];

    public string PublishTruto()
    {
        var output = Path.Combine(BenchDirectory, "truto");
        Dotnet.Run(repoRoot, ["publish", Path.Combine(repoRoot, "host", "Truto.Cli", "Truto.Cli.csproj"), .. ReadyToRunArguments, "-o", output]);
        return output;
    }

    /// <summary>A console app that prints one line: the floor any .NET program pays to start.</summary>
    public string PublishBaseline()
    {
        var source = Path.Combine(BenchDirectory, "baseline-src");
        Directory.CreateDirectory(source);
        // Empty Directory.Build.props/.Packages.props stop the repository's own from applying: the baseline is a
        // stock `dotnet new console`.
        WriteIfChanged(Path.Combine(source, "Directory.Build.props"), "<Project />\n");
        WriteIfChanged(Path.Combine(source, "Directory.Packages.props"), "<Project />\n");
        WriteIfChanged(Path.Combine(source, "Hello.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>

            """);
        WriteIfChanged(Path.Combine(source, "Program.cs"), "Console.WriteLine(\"Hello, World!\");\n");
        var output = Path.Combine(BenchDirectory, "baseline");
        Dotnet.Run(source, ["publish", Path.Combine(source, "Hello.csproj"), .. ReadyToRunArguments, "-o", output]);
        return Path.Combine(output, "Hello");
    }

    /// <summary>The emulator's dll, run with <c>dotnet</c>.</summary>
    public string PublishEmulator()
    {
        var output = Path.Combine(BenchDirectory, "emulator");
        Dotnet.Run(repoRoot, ["publish", Path.Combine(repoRoot, "tests", "Truto.Emulator", "Truto.Emulator.csproj"), "-c", "Release", "--disable-build-servers", "-o", output]);
        return Path.Combine(output, "Truto.Emulator.dll");
    }

    /// <summary>Whether the assembly carries precompiled (ReadyToRun) code.</summary>
    public static bool IsReadyToRun(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            File.WriteAllText(path, text);
        }
    }
}
