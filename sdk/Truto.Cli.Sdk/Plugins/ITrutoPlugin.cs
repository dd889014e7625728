namespace Truto.Cli.Sdk.Plugins;

/// <summary>
/// A plugin's entry point. The host creates it once, asks for its name and description, and lets it register its
/// commands and private services. Registration must be cheap: nothing is constructed until a command runs.
/// </summary>
public interface ITrutoPlugin
{
    /// <summary>Short lower-case name shown by <c>truto plugins list</c>, for example <c>auth</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the plugin adds.</summary>
    string Description { get; }

    /// <summary>Registers top-level commands and the services only this plugin uses.</summary>
    /// <param name="plugin">Where to register.</param>
    void Register(IPluginBuilder plugin);
}
