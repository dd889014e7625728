// Build tasks: ./build.sh [--target=Clean|Restore|Build|Test|Publish|Pack|Bench] [--configuration=Release|Debug]
// No #addin or #tool directives: everything here runs offline once the packages are restored.
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = File("./truto-host.sln");
var artifacts = Directory("./artifacts");
// Publish precompiles (ReadyToRun) for this runtime; --runtime=linux-arm64 etc. for another. Still framework-dependent.
var runtime = Argument("runtime", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier);

Task("Clean")
    .Does(() =>
{
    CleanDirectories($"./**/bin/{configuration}");
    CleanDirectory(artifacts);
});

Task("Restore")
    .Does(() => DotNetRestore(solution));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
    }));

Task("Test")
    .IsDependentOn("Build")
    .Does(() => DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
    }));

// The plugin SDK and its test kit, into artifacts/packages.
Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    foreach (var project in new[] { "./sdk/Truto.Cli.Sdk/Truto.Cli.Sdk.csproj", "./sdk/Truto.Cli.Sdk.Testing/Truto.Cli.Sdk.Testing.csproj" })
    {
        DotNetPack(project, new DotNetPackSettings
        {
            Configuration = configuration,
            NoRestore = true,
            OutputDirectory = artifacts + Directory("packages"),
        });
    }
});

// The truto executable with its bundled plugins in plugins/, and the SDK packages in sdk-packages/ (which
// 'truto plugins init' uses as a package source), into artifacts/truto.
Task("Publish")
    .IsDependentOn("Pack")
    .Does(() =>
{
    // ReadyToRun: start-up without JIT-compiling the host, and (build/PluginFolders.targets) the bundled plugins.
    // The benchmark (tests/Truto.Benchmarks) publishes with the same properties.
    DotNetPublish("./host/Truto.Cli/Truto.Cli.csproj", new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = artifacts + Directory("truto"),
        Runtime = runtime,
        SelfContained = false,
        PublishReadyToRun = true,
    });
    var packages = artifacts + Directory("truto") + Directory("sdk-packages");
    EnsureDirectoryExists(packages);
    CopyFiles(GetFiles("./artifacts/packages/*.nupkg"), packages);
});

// The performance benchmark (README "Performance"): start-up, plugin count and output against the targets, a few
// minutes. Not part of Test: its figures depend on the machine. It publishes truto itself (ReadyToRun, as above);
// --quick for a shorter, indicative run.
Task("Bench")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder();
    if (HasArgument("quick"))
    {
        arguments.Append("--quick");
    }

    DotNetRun("./tests/Truto.Benchmarks/Truto.Benchmarks.csproj", arguments, new DotNetRunSettings { Configuration = "Release" });
});

RunTarget(target);
