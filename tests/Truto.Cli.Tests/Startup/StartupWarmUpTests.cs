using Shouldly;
using Truto.Cli.Startup;

namespace Truto.Cli.Tests.Startup;

/// <summary>
/// The start-up warm-up parses a type name on a second thread while a plugin command starts, when a core is free
/// for it.
/// </summary>
public sealed class StartupWarmUpTests
{
    [Fact]
    public void The_warm_up_parses_the_name_of_a_type_that_exists()
    {
        // A renamed class would still warm the parser, but this keeps the warm-up honest about what it does.
        StartupWarmUp.WarmTypeNameParser().ShouldBe(typeof(StartupWarmUp));
    }

    [Theory]
    [InlineData("0.52 0.58 0.59 1/311 12345", 2, true)]
    [InlineData("3.10 2.05 1.20 2/311 12345", 2, false)]
    [InlineData("3.10 2.05 1.20 3/311 12345", 4, true)]
    [InlineData("3.10 2.05 1.20 4/311 12345", 4, false)]
    [InlineData("0.00 0.00 0.00 1/88 4242", 1, false)]
    [InlineData(null, 2, true)]
    [InlineData("not a load average", 2, true)]
    [InlineData(null, 1, false)]
    public void It_runs_only_while_a_core_is_free_of_running_tasks(string? loadAverage, int processors, bool warmsUp)
    {
        StartupWarmUp.CoreToSpare(loadAverage, processors).ShouldBe(warmsUp);
    }
}
