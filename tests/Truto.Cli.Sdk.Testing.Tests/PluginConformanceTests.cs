namespace Truto.Cli.Sdk.Testing.Tests;

public sealed class PluginConformanceTests
{
    [Theory]
    [InlineData("Truto.Plugins.Auth")]
    [InlineData("Truto.Plugins.Profiles")]
    [InlineData("Truto.Plugins.ApiTokens")]
    [InlineData("Truto.Plugins.Build")]
    public void Every_bundled_plugin_conforms(string plugin)
    {
        var report = PluginConformance.Check(Path.Combine(AppContext.BaseDirectory, "plugins", plugin, plugin + ".dll"));

        report.Conforms.ShouldBeTrue(report.ToString());
    }

    [Fact]
    public void A_plugin_without_descriptions_or_examples_that_uses_the_console_does_not_conform()
    {
        var report = PluginConformance.Check(Path.Combine(AppContext.BaseDirectory, "testplugins", "Truto.TestPlugins.Nonconforming", "Truto.TestPlugins.Nonconforming.dll"));

        report.Problems.ShouldBe(
        [
            "'shout' has no description ([Command(Description = ...)])",
            "'shout' has no example in its help (ExtendedHelpText with an \"Examples:\" section)",
            "'shout loud' has no example in its help (ExtendedHelpText with an \"Examples:\" section)",
            "calls System.Console.WriteLine: use IOutput and IStandardStreams, so output formats, redirection and tests work",
            "calls System.Environment.Exit: return an exit code from ExecuteAsync or throw a CliException",
            "calls System.Environment.GetEnvironmentVariable: take the value as an option, or through ICredentials for keys",
        ]);
    }

    [Fact]
    public void A_plugin_that_does_not_load_does_not_conform_and_says_why()
    {
        var report = PluginConformance.Check(Path.Combine(AppContext.BaseDirectory, "testplugins", "Truto.TestPlugins.ThrowsOnRegister", "Truto.TestPlugins.ThrowsOnRegister.dll"));

        report.Conforms.ShouldBeFalse();
        report.Problems[0].ShouldStartWith("the plugin does not load (failed): threw while registering");
    }

    [Fact]
    public void A_plugin_whose_command_needs_a_service_nobody_registers_does_not_conform()
    {
        var report = PluginConformance.Check(Path.Combine(AppContext.BaseDirectory, "testplugins", "Truto.TestPlugins.UnbuildableCommand", "Truto.TestPlugins.UnbuildableCommand.dll"));

        report.Problems.ShouldBe(
        [
            "the plugin does not load (failed): Unable to resolve service for type 'Truto.TestPlugins.UnbuildableCommand.IClock' while attempting " +
            "to activate 'Truto.TestPlugins.UnbuildableCommand.ClockCommand'. Register it in the plugin's Register method (plugin.Services).",
        ]);
    }
}
