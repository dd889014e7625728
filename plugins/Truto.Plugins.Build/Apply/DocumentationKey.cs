using Newtonsoft.Json.Linq;

namespace Truto.Plugins.Build.Apply;

/// <summary>What identifies a documentation row of an integration: its type, resource and method (the last two may be absent).</summary>
internal sealed record DocumentationKey(string Type, string? Resource, string? Method)
{
    public static DocumentationKey Of(JObject row) => new(
        IntegrationFileJson.Text(row["type"]) ?? "",
        NullIfEmpty(IntegrationFileJson.Text(row["resource"])),
        NullIfEmpty(IntegrationFileJson.Text(row["method"])));

    public override string ToString() => Resource is null && Method is null ? Type : $"{Type} {Resource}.{Method}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
