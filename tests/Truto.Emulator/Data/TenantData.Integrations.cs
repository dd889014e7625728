using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Data;

internal sealed partial class TenantData
{
    /// <summary>The team's integrations (<c>/integration</c>), in creation order.</summary>
    public List<JObject> Integrations { get; } = [];

    /// <summary>Documentation rows (<c>/documentation</c>) of every entity the team owns, in creation order.</summary>
    public List<JObject> Documentation { get; } = [];
}
