using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Plugins;

namespace Truto.Cli.Tests.Plugins;

public sealed class GoodPluginTests : IDisposable
{
    private readonly PluginTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Plugin_in_a_TRUTO_PLUGIN_PATH_folder_adds_its_commands_to_the_root_help()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.Greeter);

        // When
        var result = await _bed.RunAsync("--help");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("""

            greeter (Greets people in several languages.):
              greet       Greet people.

            truto:
              completion  Print the shell completion script for bash, zsh, fish or powershell.
              context     Print a markdown reference of every command, plugins' included, for agents and newcomers.
              plugins     List, create, install and remove plugins.

            """.ReplaceLineEndings("\n"));
        result.Stdout.ShouldNotContain("could not be loaded");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Plugin_in_a_TRUTO_PLUGIN_PATH_folder_runs_its_commands()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.Greeter);

        // When
        var hello = await _bed.RunAsync("greet", "hello", "Ada", "-o", "json");
        var languages = await _bed.RunAsync("greet", "languages");

        // Then
        hello.ExitCode.ShouldBe(0, hello.ToString());
        hello.Stdout.ShouldBe("""
            {
              "greeting": "Hello, Ada!",
              "language": "en",
              "profile": "(active)"
            }

            """.ReplaceLineEndings("\n"));
        hello.Stderr.ShouldBeEmpty();
        languages.ExitCode.ShouldBe(0, languages.ToString());
        languages.Stdout.ShouldBe("en\tHello\nfr\tBonjour\nes\tHola\n");
        languages.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Plugins_list_shows_a_TRUTO_PLUGIN_PATH_plugin_as_loaded_from_the_environment()
    {
        // Given
        var folder = _bed.InstallInPluginPath(TestPlugin.Greeter);

        // When
        var listed = await _bed.ListedAsync("greeter");

        // Then
        listed.ToString().ShouldBe(ExpectedGreeter("environment", folder).ToString());
    }

    [Fact]
    public async Task Plugin_in_the_user_folder_is_listed_as_user_and_runs()
    {
        // Given
        var folder = _bed.InstallForUser(TestPlugin.Greeter);

        // When
        var listed = await _bed.ListedAsync("greeter");
        var hello = await _bed.RunAsync("greet", "hello", "Grace");

        // Then
        listed.ToString().ShouldBe(ExpectedGreeter("user", folder).ToString());
        hello.ExitCode.ShouldBe(0, hello.ToString());
        hello.Stdout.ShouldBe("greeting\tHello, Grace!\nlanguage\ten\nprofile\t(active)\n");
    }

    [Fact]
    public async Task Plugin_uses_its_own_copy_of_a_dependency_the_host_has_in_another_version()
    {
        // Given: the plugin ships YamlDotNet 16.3; the host runs on 18.1
        _bed.InstallInPluginPath(TestPlugin.PrivateDependency);
        var hostYamlDotNet = typeof(YamlDotNet.Serialization.Serializer).Assembly;

        // When: the plugin serializes with its YamlDotNet, and the host renders -o yaml with its own
        var result = await _bed.RunAsync("yaml-version", "-o", "yaml");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        hostYamlDotNet.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.ShouldStartWith("18.1.");
        result.Stdout.ShouldBe("""
            package: 16.3.0
            assembly_version: 16.0.0.0
            serialized: >
              Package: 16.3.0

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Plugin_with_every_file_of_its_folder_loads_its_private_library()
    {
        // Given: the counterpart of the missing-dependency test, with the helper library in place
        _bed.InstallInPluginPath(TestPlugin.MissingDependency);

        // When
        var result = await _bed.RunAsync("farewell", "Ada");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe("farewell\tGoodbye, Ada!\n");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plugin_list_as_json_shows_whole_records_rather_than_its_table_columns()
    {
        // Given
        _bed.InstallInPluginPath(TestPlugin.Greeter);

        // When
        var result = await _bed.RunAsync("greet", "languages", "-o", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        JArray.Parse(result.Stdout)[0].ToString().ShouldBe(JObject.Parse("""
            { "code": "en", "name": "English", "greeting": "Hello" }
            """).ToString());
    }

    private static JObject ExpectedGreeter(string source, string folder) => JObject.Parse($$"""
        {
          "name": "greeter",
          "version": "1.4.2",
          "sdk_version": "{{PluginCatalog.HostSdkVersion.ToString(2)}}",
          "source": "{{source}}",
          "path": {{JsonConvert.ToString(Path.Combine(folder, TestPlugin.Greeter + ".dll"))}},
          "status": "loaded",
          "reason": null,
          "description": "Greets people in several languages.",
          "commands": ["greet"]
        }
        """);
}
