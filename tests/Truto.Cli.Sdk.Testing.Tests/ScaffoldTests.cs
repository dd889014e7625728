namespace Truto.Cli.Sdk.Testing.Tests;

/// <summary>`truto plugins init`: what it writes builds, and its tests pass, against the packages.</summary>
[Collection(nameof(PackagesFixture))]
public sealed class ScaffoldTests(PackagesFixture packages) : IDisposable
{
    private readonly TrutoTestHost _host = new();
    private readonly string _target = Path.Combine(Path.GetTempPath(), "truto-scaffold-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        _host.Dispose();
        if (Directory.Exists(_target))
        {
            Directory.Delete(_target, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_plugin_project_builds_and_its_tests_pass()
    {
        var init = await _host.RunAsync("plugins", "init", "AcmeTools", "--dir", _target, "--package-source", packages.Packages);

        init.ExitCode.ShouldBe(0, init.ToString());
        init.Stderr.ShouldContain("dotnet test tests/AcmeTools.Tests");
        var root = Path.Combine(_target, "AcmeTools");
        File.ReadAllText(Path.Combine(root, "nuget.config")).ShouldContain(packages.Packages);

        var test = await DotnetCli.RunAsync(root, PackagesFixture.Step, "test", "tests/AcmeTools.Tests", $"-p:TrutoSdkVersion={packages.Version}");

        test.ExitCode.ShouldBe(0, test.Output);
        test.Output.ShouldContain("Passed!");
        test.Output.ShouldContain("Total:     2");

        // And installing it from its project folder publishes it and makes its command available
        var props = Path.Combine(root, "Directory.Build.props");
        File.WriteAllText(props, File.ReadAllText(props).Replace(">1.0.0<", $">{packages.Version}<", StringComparison.Ordinal));
        var install = await _host.RunAsync("plugins", "install", Path.Combine(root, "src", "AcmeTools"));
        var run = await _host.RunAsync("acme-tools", "Ada", "-o", "json");

        install.ExitCode.ShouldBe(0, install.ToString());
        install.Stderr.ShouldContain("Installed acme-tools 0.1.0");
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("Hello, Ada!");
    }

    [Theory]
    [InlineData("acme", "is not a plugin name")]
    [InlineData("Acme-Tools", "is not a plugin name")]
    public async Task Rejects_a_name_that_is_not_pascal_case_and_writes_nothing(string name, string message)
    {
        var result = await _host.RunAsync("plugins", "init", name, "--dir", _target);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(message);
        Directory.Exists(_target).ShouldBeFalse();
    }

    [Fact]
    public async Task Refuses_to_write_into_a_folder_that_is_not_empty()
    {
        Directory.CreateDirectory(Path.Combine(_target, "AcmeTools"));
        File.WriteAllText(Path.Combine(_target, "AcmeTools", "keep.txt"), "mine");

        var result = await _host.RunAsync("plugins", "init", "AcmeTools", "--dir", _target);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("already exists and is not empty");
        Directory.GetFiles(Path.Combine(_target, "AcmeTools")).Select(Path.GetFileName).ShouldBe(["keep.txt"]);
    }
}
