using Shouldly;
using Truto.Cli.Plugins;

namespace Truto.Cli.Tests.Plugins;

/// <summary>Sources and statuses are written without Enum's reflection: the spelled-out names are the enums' own.</summary>
public sealed class PluginTextTests
{
    [Fact]
    public void Every_status_is_written_as_its_name_in_lower_case_and_read_back()
    {
        foreach (var status in Enum.GetValues<PluginStatus>())
        {
            PluginText.Of(status).ShouldBe(status.ToString().ToLowerInvariant());
            PluginText.StatusOf(PluginText.Of(status)).ShouldBe(status);
        }
    }

    [Fact]
    public void Every_source_is_written_as_its_name_in_lower_case()
    {
        foreach (var source in Enum.GetValues<PluginSource>())
        {
            PluginText.Of(source).ShouldBe(source.ToString().ToLowerInvariant());
        }
    }

    [Theory]
    [InlineData("ready")]
    [InlineData("Loaded")]
    [InlineData("")]
    public void A_word_that_is_no_status_reads_as_none(string text)
    {
        PluginText.StatusOf(text).ShouldBeNull();
    }
}
