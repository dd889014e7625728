using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Conventions;
using Shouldly;
using Truto.Cli.CommandLine;

namespace Truto.Cli.Tests.Startup;

/// <summary>
/// A group builds only the subcommand named right after it; anything else (its own help, a typo, an option in
/// between) builds all of them, as CommandLineUtils' [Subcommand] convention does.
/// </summary>
public sealed class NamedSubcommandConventionTests
{
    [Fact]
    public void A_group_followed_by_its_subcommand_builds_only_that_subcommand()
    {
        Subcommands("group", "second").ShouldBe(["second"]);
    }

    [Fact]
    public void A_subcommand_named_by_an_alias_or_in_other_case_is_the_one_built()
    {
        Subcommands("group", "2nd").ShouldBe(["second"]);
        Subcommands("group", "SECOND").ShouldBe(["second"]);
    }

    [Theory]
    [InlineData("group")]
    [InlineData("group", "secnd")]
    [InlineData("other")]
    public void A_group_without_a_named_subcommand_builds_all_of_them(params string[] path)
    {
        Subcommands(path).ShouldBe(["first", "second", "third"], ignoreOrder: true);
    }

    [Fact]
    public void Only_the_group_at_the_named_depth_is_pruned()
    {
        // "first" is the group's subcommand word; it is not mistaken for the root's.
        Subcommands("group", "first", "second").ShouldBe(["first"]);
    }

    private static string[] Subcommands(params string[] path)
    {
        var root = new CommandLineApplication();
        root.Conventions
            .UseCommandAttribute()
            .AddConvention(new NamedSubcommandConvention(path));
        root.Command<Group>("group", _ => { });
        return root.Commands.Single().Commands.Select(c => c.Name!).ToArray();
    }

    [Command("group")]
    [Subcommand(typeof(First), typeof(Second), typeof(Third))]
    private sealed class Group;

    [Command("first")]
    private sealed class First;

    [Command("second", "2nd")]
    private sealed class Second;

    [Command("third")]
    private sealed class Third;
}
