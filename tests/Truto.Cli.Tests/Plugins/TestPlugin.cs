namespace Truto.Cli.Tests.Plugins;

/// <summary>
/// The compiled test plugins (tests/TestPlugins), by folder name. Each is built with this project into
/// testplugins/&lt;Name&gt;/ beside the test assembly.
/// </summary>
internal static class TestPlugin
{
    /// <summary>Good: <c>greet hello &lt;name&gt; [--shout] [--times n] [--language en|fr|es]</c> and <c>greet languages</c>.</summary>
    public const string Greeter = "Truto.TestPlugins.Greeter";

    /// <summary>Good: <c>yaml-version</c>, using its own YamlDotNet 16.3 while the host has 18.1.</summary>
    public const string PrivateDependency = "Truto.TestPlugins.PrivateDependency";

    /// <summary>Good while its helper library is beside it: <c>farewell [name]</c>.</summary>
    public const string MissingDependency = "Truto.TestPlugins.MissingDependency";

    public const string MissingDependencyHelper = "Truto.TestPlugins.MissingDependency.Helper";

    public const string NoEntryAttribute = "Truto.TestPlugins.NoEntryAttribute";

    public const string ThrowsOnRegister = "Truto.TestPlugins.ThrowsOnRegister";

    /// <summary>Adds its own top-level <c>greet</c>, as the Greeter does.</summary>
    public const string DuplicateCommand = "Truto.TestPlugins.DuplicateCommand";

    /// <summary>Adds its own top-level <c>context</c>, a name truto keeps for itself.</summary>
    public const string HostCommandName = "Truto.TestPlugins.HostCommandName";

    /// <summary>Registers its own <c>IOutput</c>.</summary>
    public const string RegistersHostService = "Truto.TestPlugins.RegistersHostService";

    /// <summary>Its <c>clock</c> command's constructor asks for an <c>IClock</c> nobody registers.</summary>
    public const string UnbuildableCommand = "Truto.TestPlugins.UnbuildableCommand";

    /// <summary>Built against a fake Truto.Cli.Sdk of the next major version.</summary>
    public const string NextMajorSdk = "Truto.TestPlugins.NextMajorSdk";

    /// <summary>Built against a fake Truto.Cli.Sdk of the host's major, one minor newer.</summary>
    public const string NewerMinorSdk = "Truto.TestPlugins.NewerMinorSdk";
}
