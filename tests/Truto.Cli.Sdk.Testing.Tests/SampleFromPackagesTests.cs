using Newtonsoft.Json.Linq;

namespace Truto.Cli.Sdk.Testing.Tests;

/// <summary>
/// The promise to teams, end to end: build the out-of-tree sample plugin against the packed SDK (with its own
/// YamlDotNet), run its own tests on the packed test kit, then load it next to the bundled plugins.
/// </summary>
[Collection(nameof(PackagesFixture))]
public sealed class SampleFromPackagesTests(PackagesFixture packages)
{
    [Fact]
    public void The_packages_are_the_sdk_and_the_test_kit()
    {
        Directory.GetFiles(packages.Packages).Select(Path.GetFileName).Order()
            .ShouldBe([$"Truto.Cli.Sdk.{packages.Version}.nupkg", $"Truto.Cli.Sdk.Testing.{packages.Version}.nupkg"]);
    }

    [Fact]
    public async Task The_sample_builds_from_the_packages_passes_its_own_tests_and_loads_beside_the_bundled_plugins()
    {
        var test = await DotnetCli.RunAsync(packages.Sources, PackagesFixture.Step, "test", "plugins/samples/Truto.Samples.Hello.Tests",
            $"-p:TrutoSdkVersion={packages.Version}", $"-p:RestoreAdditionalProjectSources={packages.Packages}");

        test.ExitCode.ShouldBe(0, test.Output);
        test.Output.ShouldContain("Passed!");

        // Dropped in as a team would, it runs next to the bundled plugins
        var output = Path.Combine(packages.Sources, "plugins/samples/Truto.Samples.Hello/bin/Debug/net10.0");
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
