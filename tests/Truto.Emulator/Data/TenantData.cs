using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Data;

/// <summary>
/// What one bearer token can see: its team, its one environment and that environment's API-token rows.
/// Mutable rows are only touched under <see cref="EmulatorStore"/>'s lock.
/// </summary>
internal sealed partial class TenantData(EmulatorTenant info, JObject team, JObject environment, IReadOnlyList<string> userIds)
{
    public EmulatorTenant Info { get; } = info;

    public JObject Team { get; } = team;

    public JObject Environment { get; } = environment;

    /// <summary>The team's members, who appear as <c>created_by</c> on rows.</summary>
    public IReadOnlyList<string> UserIds { get; } = userIds;

    /// <summary>The environment's API tokens, kept in list order (<c>created_at</c>, then <c>id</c>).</summary>
    public List<ApiTokenRow> ApiTokens { get; } = [];
}
