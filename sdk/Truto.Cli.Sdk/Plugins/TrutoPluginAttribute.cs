namespace Truto.Cli.Sdk.Plugins;

/// <summary>
/// Marks an assembly as a truto plugin and names its entry type, which must implement <see cref="ITrutoPlugin"/>
/// and have a public parameterless constructor.
/// </summary>
/// <example><code>[assembly: TrutoPlugin(typeof(MyPlugin))]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class TrutoPluginAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="entryType">The plugin's entry type.</param>
    public TrutoPluginAttribute(Type entryType) => EntryType = entryType;

    /// <summary>The type that implements <see cref="ITrutoPlugin"/>.</summary>
    public Type EntryType { get; }
}
