using Truto.Cli.Sdk.Output;

namespace Truto.TestPlugins.RegistersHostService;

/// <summary>An IOutput that drops everything: what the host must never let a plugin install.</summary>
public sealed class SilentOutput : IOutput
{
    public Task WriteObjectAsync(object record, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task WriteListAsync(IEnumerable<object> records, IReadOnlyList<TableColumn> columns, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task WriteStreamAsync(IAsyncEnumerable<object> records, IReadOnlyList<TableColumn> columns, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Status(string message)
    {
    }

    public void Warning(string message)
    {
    }
}
