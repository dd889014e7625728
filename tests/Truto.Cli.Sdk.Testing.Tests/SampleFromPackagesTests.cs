using Newtonsoft.Json.Linq;

namespace Truto.Cli.Sdk.Testing.Tests;

/// <summary>
/// The promise to teams, end to end: pack the SDK and the test kit, build the out-of-tree sample plugin against
/// the packages (with its own YamlDotNet), run its own tests with the test kit, then load it next to the bundled
/// plugins.
/// </summary>
public sealed class SampleFromPackagesTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private readonly string _work = Path.Combine(Path.GetTempPath(), "truto-sample-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string _version = "1.0.0-ci." + Guid.NewGuid().ToString("N")[..8];

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);

        // The throwaway package versions would otherwise pile up in the machine's package cache.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "truto.cli.sdk", "truto.cli.sdk.testing" })
        {
            var folder = Path.Combine(cache, id, _version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_sample_builds_from_the_packages_passes_its_own_tests_and_loads_beside_the_bundled_plugins()
    {
        // Given the packages, packed from a copy of the sources
        var sources = Path.Combine(_work, "src");
        var packages = Path.Combine(_work, "packages");
        DotnetCli.CopySources(DotnetCli.RepositoryRoot(), sources);
        foreach (var project in new[] { "sdk/Truto.Cli.Sdk", "sdk/Truto.Cli.Sdk.Testing" })
        {
            var pack = await DotnetCli.RunAsync(sources, Step, "pack", project, "-c", "Release", $"-p:Version={_version}", "-o", packages);
            pack.ExitCode.ShouldBe(0, pack.Output);
        }

        Directory.GetFiles(packages).Select(Path.GetFileName).Order().ShouldBe([$"Truto.Cli.Sdk.{_version}.nupkg", $"Truto.Cli.Sdk.Testing.{_version}.nupkg"]);

        // When the sample's tests run against them
        var test = await DotnetCli.RunAsync(sources, Step, "test", "plugins/samples/Truto.Samples.Hello.Tests",
            $"-p:TrutoSdkVersion={_version}", $"-p:RestoreAdditionalProjectSources={packages}");

        // Then they pass
        test.ExitCode.ShouldBe(0, test.Output);
        test.Output.ShouldContain("Passed!");

        // And the built plugin, dropped in as a team would, runs next to the bundled plugins
        var output = Path.Combine(sources, "plugins/samples/Truto.Samples.Hello/bin/Debug/net10.0");
        File.Exists(Path.Combine(output, "Truto.Cli.Sdk.dll")).ShouldBeFalse("the plugin must not carry its own copy of the SDK");
        using var host = new TrutoTestHost();
        host.AddPlugin(Path.Combine(output, "Truto.Samples.Hello.dll"));

        var plugins = JArray.Parse((await host.RunAsync("plugins", "list", "-o", "json")).Stdout);
        var hello = await host.RunAsync("hello", "Ada", "-o", "json");

        plugins.Select(p => ((string?)p["name"], (string?)p["status"])).ShouldBe(
            [("api-tokens", "loaded"), ("auth", "loaded"), ("build", "loaded"), ("profiles", "loaded"), ("hello", "loaded")], ignoreOrder: true);
        ((string?)plugins.Single(p => (string?)p["name"] == "hello")["version"]).ShouldBe("1.2.0");
        hello.ExitCode.ShouldBe(0, hello.ToString());
        ((string?)JObject.Parse(hello.Stdout)["yaml_version"]).ShouldBe("16.0.0.0");
    }
}
