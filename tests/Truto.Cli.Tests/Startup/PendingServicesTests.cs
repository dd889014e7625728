using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Truto.Cli.Startup;

namespace Truto.Cli.Tests.Startup;

/// <summary>
/// A host command's container is built on another thread while its tree is built; whatever asks the pending
/// container for a service waits for it, and the run disposes it however the build ended.
/// </summary>
public sealed class PendingServicesTests
{
    [Fact]
    public async Task A_service_asked_for_before_the_container_is_built_waits_for_it()
    {
        var building = new TaskCompletionSource<ServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var pending = new PendingServices(building.Task);

        var asked = Task.Run(() => pending.GetRequiredService<Probe>());
        await Task.Delay(50);
        asked.IsCompleted.ShouldBeFalse();

        var probe = new Probe();
        building.SetResult(new ServiceCollection().AddSingleton(probe).BuildServiceProvider());
        (await asked.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeSameAs(probe);
    }

    [Fact]
    public async Task Disposing_it_disposes_the_container_and_its_services()
    {
        var probe = new Probe();
        var pending = new PendingServices(Task.FromResult(new ServiceCollection().AddSingleton(_ => probe).BuildServiceProvider()));
        pending.GetRequiredService<Probe>();

        await pending.DisposeAsync();

        probe.Disposed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_container_that_failed_to_build_fails_whoever_asks_but_not_the_disposal()
    {
        var pending = new PendingServices(Task.FromException<ServiceProvider>(new InvalidOperationException("no container")));

        Should.Throw<InvalidOperationException>(() => pending.GetService(typeof(Probe))).Message.ShouldBe("no container");
        await Should.NotThrowAsync(async () => await pending.DisposeAsync());
    }

    private sealed class Probe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
