using Microsoft.Extensions.DependencyInjection;

namespace Truto.Cli.Startup;

/// <summary>
/// The run's container while another thread may still be building it: the command tree takes it at once, and the
/// first command object it constructs waits for it.
/// </summary>
internal sealed class PendingServices(Task<ServiceProvider> building) : IServiceProvider, IAsyncDisposable
{
    public object? GetService(Type serviceType) => building.GetAwaiter().GetResult().GetService(serviceType);

    public async ValueTask DisposeAsync()
    {
        // A container that failed to build was reported to whatever asked for it.
        await Task.WhenAny(building);
        if (building.IsCompletedSuccessfully)
        {
            await building.Result.DisposeAsync();
        }
    }
}
