using McMaster.Extensions.CommandLineUtils;
using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.Api;
using Truto.Cli.CommandLine;
using Truto.Cli.Errors;
using Truto.Cli.Output;
using Truto.Cli.Plugins;
using Truto.Cli.Profiles;
using Truto.Cli.Resources;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Sdk.Resources;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Terminal;

namespace Truto.Cli.Startup;

/// <summary>
/// The composition root: every service of a run, in one commented list. Only the plugin that owns the command
/// being run is added; nothing is constructed until a command asks for it.
/// </summary>
internal static class HostServices
{
    /// <param name="inventory">What discovery found, asked for only when a command needs it (a host command's discovery may still be running).</param>
    /// <param name="redactor">The run's one redactor: the error report outside the container uses it too.</param>
    public static ServiceProvider Build(HostSettings settings, IStandardStreams streams, SecretRedactor redactor, Func<PluginInventory> inventory, PluginRegistration? activePlugin) =>
        Collect(settings, streams, redactor, inventory, activePlugin).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

    /// <summary>
    /// Why a plugin's command classes or its own services cannot be built from what the host and the plugin
    /// register (a constructor asking for a service nobody provides), or null. Asked when a plugin is loaded afresh
    /// (the manifest remembers the answer with the rest of its record), so <c>plugins list</c> names the missing
    /// service instead of a run failing halfway. Scrutor finds the command classes in the plugin's assembly; a run
    /// does not register them, as it builds only the one it runs (<see cref="LazyConstructionConvention"/>): the scan
    /// cost every plugin command ~6 ms.
    /// </summary>
    public static string? ProblemWith(PluginRegistration plugin, HostSettings settings, IStandardStreams streams)
    {
        var services = Collect(settings, streams, new SecretRedactor(), () => new PluginInventory([]), plugin);
        services.Scan(scan => scan
            .FromAssemblies(plugin.Assembly)
            .AddClasses(classes => classes.WithAttribute<CommandAttribute>(), publicOnly: false)
            .AsSelf()
            .WithTransientLifetime());
        try
        {
            // Works out how each service would be built, without building any: no plugin code runs here.
            using var _ = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            return null;
        }
        catch (AggregateException e)
        {
            // "Unable to resolve service for type 'X' while attempting to activate 'Y'."
            var first = e.InnerExceptions[0];
            return $"{(first.InnerException ?? first).Message} Register it in the plugin's Register method (plugin.Services).";
        }
    }

    private static ServiceCollection Collect(HostSettings settings, IStandardStreams streams, SecretRedactor redactor, Func<PluginInventory> inventory, PluginRegistration? activePlugin)
    {
        var services = new ServiceCollection();

        // What this run was started with.
        services.AddSingleton(settings);
        services.AddSingleton(streams);
        services.AddSingleton<IEnvironment, ProcessEnvironment>();
        services.AddSingleton<InvocationContext>();
        services.AddSingleton<IInvocationContext>(sp => sp.GetRequiredService<InvocationContext>());

        // Output, prompts, colour and secret redaction: the host's, for every command. Colour is decided once the
        // command line is parsed (--no-color), so it is read through a Func.
        services.AddSingleton<IOutput, OutputRenderer>();
        services.AddSingleton<IPrompter, TerminalPrompter>();
        services.AddSingleton(redactor);
        services.AddSingleton(sp => TerminalColors.For(settings, streams, sp.GetRequiredService<InvocationContext>().Values.NoColor));
        services.AddSingleton<Func<TerminalColors>>(sp => sp.GetRequiredService<TerminalColors>);

        // The config file and credential resolution: read on first use only.
        services.AddSingleton<IProfileStore, ProfileStore>();
        services.AddSingleton<ICredentials, CredentialResolver>();

        // The Truto API: one connection pool per run; credentials resolved on the first request. Registered through
        // its interfaces only: naming a class that implements them makes the runtime load the HTTP stack (to match
        // their methods' signatures), which a command that never calls the API should not pay for.
        services.AddSingleton<ITrutoApiFactory>(sp => new TrutoApiFactory(
            settings, streams, sp.GetRequiredService<InvocationContext>(), sp.GetRequiredService<SecretRedactor>()));
        services.AddSingleton<ITrutoApi>(sp => new CredentialedTrutoApi(
            sp.GetRequiredService<ICredentials>(), (TrutoApiFactory)sp.GetRequiredService<ITrutoApiFactory>()));
        services.AddSingleton<IListPageSource>(sp => (IListPageSource)sp.GetRequiredService<ITrutoApi>());
        services.AddSingleton<IResourceReader, ResourceReader>();

        // What discovery found, for the host's own commands (plugins list, context). Those commands are not
        // registered: the host knows them, and LazyConstructionConvention builds the one being run from the container.
        services.AddSingleton(_ => inventory());
        services.AddSingleton<PluginInstaller>();

        // The plugin that owns the command being run: its private services. Its command classes are not registered:
        // LazyConstructionConvention builds the one being run (ProblemWith checked, when the plugin was loaded, that
        // each of them can be built).
        if (activePlugin is not null)
        {
            foreach (var descriptor in activePlugin.Services)
            {
                ((ICollection<ServiceDescriptor>)services).Add(descriptor);
            }
        }

        return services;
    }
}
