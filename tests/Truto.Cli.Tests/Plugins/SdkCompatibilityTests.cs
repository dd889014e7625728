using Truto.Cli.Plugins;

namespace Truto.Cli.Tests.Plugins;

public sealed class SdkCompatibilityTests
{
    [Theory]
    [InlineData("1.3.0.0", "1.3.0.0")]
    [InlineData("1.3.0.0", "1.0.0.0")]
    [InlineData("1.3.0.0", "1.3.7.0")]
    [InlineData("2.0.0.0", "2.0.0.1")]
    public void Accepts_a_plugin_built_for_the_same_major_at_the_same_or_an_older_minor(string host, string plugin)
    {
        SdkCompatibility.Check(Version.Parse(host), Version.Parse(plugin)).ShouldBeNull();
    }

    [Fact]
    public void Rejects_plugin_built_for_newer_sdk_minor_with_both_versions_in_the_reason()
    {
        var reason = SdkCompatibility.Check(new Version(1, 3, 0, 0), new Version(1, 4, 0, 0));

        reason.ShouldBe("built for Truto.Cli.Sdk 1.4, newer than this truto's SDK 1.3: upgrade truto, or rebuild the plugin against Truto.Cli.Sdk 1.3");
    }

    [Fact]
    public void Rejects_plugin_built_for_newer_sdk_major_telling_to_upgrade_truto()
    {
        var reason = SdkCompatibility.Check(new Version(1, 3, 0, 0), new Version(2, 0, 0, 0));

        reason.ShouldBe("built for Truto.Cli.Sdk 2.0, but this truto has SDK 1.3 (another major version): upgrade truto, or use a plugin built for SDK 1.x");
    }

    [Fact]
    public void Rejects_plugin_built_for_older_sdk_major_telling_to_rebuild_it()
    {
        var reason = SdkCompatibility.Check(new Version(2, 1, 0, 0), new Version(1, 9, 0, 0));

        reason.ShouldBe("built for Truto.Cli.Sdk 1.9, but this truto has SDK 2.1 (another major version): rebuild the plugin against Truto.Cli.Sdk 2.x");
    }

    [Fact]
    public void Rejects_plugin_of_another_major_even_at_an_older_minor()
    {
        SdkCompatibility.Check(new Version(1, 5, 0, 0), new Version(2, 0, 0, 0)).ShouldNotBeNull();
        SdkCompatibility.Check(new Version(2, 5, 0, 0), new Version(1, 9, 0, 0)).ShouldNotBeNull();
    }
}
