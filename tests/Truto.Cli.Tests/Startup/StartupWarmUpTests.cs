using Newtonsoft.Json.Linq;
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

    [Fact]
    public void It_loads_Newtonsoft_and_the_framework_assemblies_of_JObjects_interfaces()
    {
        // Loading a JObject (config.json, every record) needs the assemblies its interfaces are defined in.
        var ofInterfaces = typeof(JObject).GetInterfaces().Select(i => i.Assembly.GetName().Name!)
            .Where(name => name != "System.Private.CoreLib")
            .Append(typeof(JObject).Assembly.GetName().Name!)
            .Distinct()
            .Order(StringComparer.Ordinal);

        ofInterfaces.ShouldBe(StartupWarmUp.JsonAssemblies.Order(StringComparer.Ordinal));
        StartupWarmUp.LoadJsonAssemblies().Select(a => a.GetName().Name).ShouldBe(StartupWarmUp.JsonAssemblies);
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
