using System.Reflection;
using McMaster.NETCore.Plugins;
using McMaster.Extensions.CommandLineUtils;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Plugins;

namespace Truto.Cli.Plugins;

/// <summary>
/// Loads a plugin assembly into its own load context. Kept this small on purpose: McMaster.NETCore.Plugins is in
/// maintenance mode, and the fallback is a short AssemblyLoadContext + AssemblyDependencyResolver.
/// </summary>
internal interface IPluginLoader
{
    Assembly Load(string assemblyPath);
}

internal sealed class McMasterPluginLoader : IPluginLoader
{
    // The contract's assemblies are the host's own, so a plugin's SDK types are the host's types. Everything else a
    // plugin ships stays private to it (PreferSharedTypes off), even where the host has another version.
    private static readonly Type[] SharedTypes =
    [
        typeof(ITrutoPlugin),
        typeof(CommandLineApplication),
        typeof(IServiceCollection),
        typeof(JToken),
    ];

    public Assembly Load(string assemblyPath)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            SharedTypes,
            config => config.PreferSharedTypes = false);
        return loader.LoadDefaultAssembly();
    }
}
