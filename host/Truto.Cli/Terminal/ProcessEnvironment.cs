using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Startup;

namespace Truto.Cli.Terminal;

/// <summary>The environment the host was started with (a test host passes its own).</summary>
internal sealed class ProcessEnvironment(HostSettings settings) : IEnvironment
{
    public string? Get(string name) => settings.GetEnvironment(name);
}
