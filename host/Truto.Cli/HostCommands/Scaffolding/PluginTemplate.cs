using System.Text.RegularExpressions;

namespace Truto.Cli.HostCommands.Scaffolding;

/// <summary>The files of a new plugin project: the plugin, one example command, its tests on the test kit.</summary>
internal static partial class PluginTemplate
{
    public static IReadOnlyDictionary<string, string> Files(string name, string sdkVersion, string? packageSource)
    {
        var command = Kebab(name);
        var files = new Dictionary<string, string>
        {
            ["Directory.Build.props"] = $$"""
                <Project>
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
                    <!-- The truto plugin SDK this plugin is built for (same major as truto, minor no newer). -->
                    <TrutoSdkVersion Condition="'$(TrutoSdkVersion)' == ''">{{sdkVersion}}</TrutoSdkVersion>
                  </PropertyGroup>
                </Project>

                """,
            [$"src/{name}/{name}.csproj"] = $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <EnableDynamicLoading>true</EnableDynamicLoading>
                    <Version>0.1.0</Version>
                  </PropertyGroup>
                  <ItemGroup>
                    <!-- truto's own copy of the SDK is used at run time: compile against it, ship none. -->
                    <PackageReference Include="Truto.Cli.Sdk" Version="$(TrutoSdkVersion)" ExcludeAssets="runtime" />
                  </ItemGroup>
                </Project>

                """,
            [$"src/{name}/{name}Plugin.cs"] = $$"""
                using Truto.Cli.Sdk.Plugins;

                [assembly: TrutoPlugin(typeof({{name}}.{{name}}Plugin))]

                namespace {{name}};

                public sealed class {{name}}Plugin : ITrutoPlugin
                {
                    public string Name => "{{command}}";

                    public string Description => "What {{name}} adds to truto.";

                    public void Register(IPluginBuilder plugin) => plugin.AddCommand<{{name}}Command>();
                }

                """,
            [$"src/{name}/{name}Command.cs"] = $$""""
                using McMaster.Extensions.CommandLineUtils;
                using Truto.Cli.Sdk.Commands;
                using Truto.Cli.Sdk.Errors;
                using Truto.Cli.Sdk.Output;

                namespace {{name}};

                [Command("{{command}}", Description = "Greets someone (replace with what your command does).",
                    ExtendedHelpText = """

                Examples:
                  truto {{command}} Ada
                  truto {{command}} Ada -o json
                """)]
                public sealed class {{name}}Command(IOutput output) : ITrutoCommand
                {
                    [Argument(0, "name", "Who to greet.")]
                    public string Name { get; set; } = "world";

                    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
                    {
                        if (string.IsNullOrWhiteSpace(Name))
                        {
                            throw new UsageException("the name is empty", "Pass a name, e.g. 'truto {{command}} Ada'.");
                        }

                        await output.WriteObjectAsync(new { greeting = $"Hello, {Name}!" }, cancellationToken);
                        return ExitCodes.Success;
                    }
                }

                """",
            [$"tests/{name}.Tests/{name}.Tests.csproj"] = $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <IsTestProject>true</IsTestProject>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
                    <PackageReference Include="xunit" Version="2.9.3" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="4.0.1" />
                    <PackageReference Include="Truto.Cli.Sdk.Testing" Version="$(TrutoSdkVersion)" />
                  </ItemGroup>
                  <ItemGroup>
                    <!-- Built first and loaded as truto loads it: from its own output folder. -->
                    <ProjectReference Include="..\..\src\{{name}}\{{name}}.csproj" ReferenceOutputAssembly="false" />
                    <AssemblyAttribute Include="System.Reflection.AssemblyMetadataAttribute">
                      <_Parameter1>Plugin</_Parameter1>
                      <_Parameter2>$(MSBuildThisFileDirectory)..\..\src\{{name}}\bin\$(Configuration)\net10.0\{{name}}.dll</_Parameter2>
                    </AssemblyAttribute>
                  </ItemGroup>
                </Project>

                """,
            [$"tests/{name}.Tests/{name}CommandTests.cs"] = $$"""
                using System.Reflection;
                using Truto.Cli.Sdk.Testing;
                using Xunit;

                namespace {{name}}.Tests;

                public sealed class {{name}}CommandTests : IDisposable
                {
                    private static readonly string Plugin = typeof({{name}}CommandTests).Assembly
                        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Plugin").Value!;

                    private readonly TrutoTestHost _truto = new() { BundledPluginDirectory = null };

                    public {{name}}CommandTests() => _truto.AddPlugin(Plugin);

                    public void Dispose() => _truto.Dispose();

                    [Fact]
                    public async Task Greets_by_name_as_json()
                    {
                        var result = await _truto.RunAsync("{{command}}", "Ada", "-o", "json");

                        Assert.Equal(0, result.ExitCode);
                        Assert.Contains("\"greeting\": \"Hello, Ada!\"", result.Stdout);
                    }

                    [Fact]
                    public void Meets_the_plugin_conventions()
                    {
                        var report = PluginConformance.Check(Plugin);

                        Assert.True(report.Conforms, report.ToString());
                    }
                }

                """,
            ["README.md"] = $$"""
                # {{name}}: a truto plugin

                ```
                dotnet test tests/{{name}}.Tests                   # build and test it
                truto plugins install src/{{name}}                  # build it and install it for your user
                truto {{command}} Ada
                ```

                The plugin compiles against `Truto.Cli.Sdk` {{sdkVersion}} without shipping it: truto provides its own copy.
                Any other library the plugin uses is its own, at its own version. Commands receive truto's services
                (`IOutput`, `IStandardStreams`, `IPrompter`, `ITrutoApi`, `ICredentials`, `IResourceReader`, ...) through
                their constructor and never touch the console: the tests run them in-process with `Truto.Cli.Sdk.Testing`.

                """,
            [".gitignore"] = "bin/\nobj/\n",
        };

        if (packageSource is not null)
        {
            files["nuget.config"] = $$"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <!-- The truto SDK packages that came with truto. -->
                    <add key="truto-sdk" value="{{packageSource}}" />
                  </packageSources>
                </configuration>

                """;
        }

        return files;
    }

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>AcmeTools → acme-tools.</summary>
    public static string Kebab(string name) => Boundary().Replace(name.Replace('.', '-'), "$1-$2").ToLowerInvariant();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Boundary();
}
