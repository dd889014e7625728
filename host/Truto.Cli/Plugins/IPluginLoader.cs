using System.Reflection;
using McMaster.NETCore.Plugins.Loader;

namespace Truto.Cli.Plugins;

/// <summary>
/// Loads a plugin assembly into its own load context. Kept this small on purpose: McMaster.NETCore.Plugins is in
/// maintenance mode, and the fallback is a short AssemblyLoadContext + AssemblyDependencyResolver.
/// </summary>
internal interface IPluginLoader
{
    Assembly Load(string assemblyPath);
}

/// <summary>
/// McMaster's load context (the plugin's deps.json, private dependencies, native libraries), built directly with its
/// AssemblyLoadContextBuilder rather than PluginLoader, which costs a run 130 ms for what truto does not need.
/// </summary>
internal sealed class McMasterPluginLoader : IPluginLoader
{
    // The contract's assemblies are the host's own, so a plugin's SDK types are the host's types. Everything else a
    // plugin ships stays private to it (no PreferDefaultLoadContext), even where the host has another version.
    // Named, not taken from typeof(...): a run that loads no plugin should not load these either.
    private static readonly string[] SharedAssemblies =
        ["Truto.Cli.Sdk", "McMaster.Extensions.CommandLineUtils", "Microsoft.Extensions.DependencyInjection.Abstractions", "Newtonsoft.Json"];

    public Assembly Load(string assemblyPath)
    {
        var builder = new AssemblyLoadContextBuilder()
            .SetMainAssemblyPath(assemblyPath)
            // Without it, sharing an assembly first loads everything it references, transitively: 89 framework
            // assemblies for these four. Lazily, a reference is shared when the plugin first asks for it.
            .IsLazyLoaded(true);
        foreach (var name in SharedAssemblies)
        {
            builder.PreferDefaultLoadContextAssembly(new AssemblyName(name));
        }

        // PluginLoader would also read the plugin's and the host's runtimeconfig(.dev).json for extra probing paths
        // (NuGet caches at development time); a plugin ships its dependencies in its folder, so they are skipped.
        return builder.Build().LoadFromAssemblyPath(assemblyPath);
    }
}
