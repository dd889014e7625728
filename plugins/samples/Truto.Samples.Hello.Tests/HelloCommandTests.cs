using System.Reflection;
using Truto.Cli.Sdk.Testing;
using Xunit;

namespace Truto.Samples.Hello.Tests;

public sealed class HelloCommandTests : IDisposable
{
    private static readonly string PluginPath = typeof(HelloCommandTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HelloPlugin").Value!;

    private readonly TrutoTestHost _host = new() { BundledPluginDirectory = null };

    public HelloCommandTests() => _host.AddPlugin(PluginPath);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Greets_by_name_using_its_own_yaml_library()
    {
        var result = await _host.RunAsync("hello", "Ada", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"greeting\": \"Hello, Ada!\"", result.Stdout);
        Assert.Contains("\"yaml_version\": \"16.0.0.0\"", result.Stdout);
    }

    [Fact]
    public async Task Asks_the_api_for_the_environment_of_the_logged_in_token()
    {
        await using var api = await _host.StartEmulatorAsync("tok_sample_0123456789");

        var result = await _host.RunAsync("hello", "Ada", "--environment", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"environment\": \"Production\"", result.Stdout);
        Assert.Contains(api.Requests, r => r.Path == "/environment");
    }
}
