using Truto.Cli.Sdk.Testing;

namespace Truto.Plugins.Build.Tests;

public sealed class ConformanceTests
{
    [Fact]
    public void The_build_plugin_conforms_descriptions_examples_and_no_console_or_environment()
    {
        var report = PluginConformance.Check(Path.Combine(AppContext.BaseDirectory, "plugins", "Truto.Plugins.Build", "Truto.Plugins.Build.dll"));

        report.Conforms.ShouldBeTrue(report.ToString());
    }
}
