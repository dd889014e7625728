using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Truto.Cli.CommandLine;
using Truto.Cli.Completion;
using Truto.Cli.Diagnostics;
using Truto.Cli.Errors;
using Truto.Cli.HostCommands;
using Truto.Cli.Plugins;
using Truto.Cli.Profiles;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Plugins;
using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Startup;
using Truto.Cli.Terminal;

namespace Truto.Cli;

/// <summary>
/// The single entry point: argv, settings and streams in, exit code out. Program.cs calls it with the real process;
/// tests call it with captured streams and a temporary config folder.
/// </summary>
internal static class TrutoHost
{
    /// <summary>The host's own commands: only about the host itself.</summary>
    internal static readonly Type[] HostCommandTypes = [typeof(PluginsCommand), typeof(CompletionCommand), typeof(ContextCommand)];

    /// <summary>The host's commands as described by their attributes (read once: reflection costs a run milliseconds).</summary>
    internal static IReadOnlyList<CommandInfo> HostCommands => HostCommandList.Value;

    private static readonly Lazy<CommandInfo[]> HostCommandList = new(() => HostCommandTypes.Select(PluginCatalog.DescribeCommand).ToArray());

    /// <summary>
    /// The names and aliases of <see cref="HostCommandTypes"/>, written out so that a plugin's command never reads their
    /// attributes (5-7 ms of first-time reflection on the main thread). A test holds this list to the attributes.
    /// </summary>
    internal static readonly string[] HostCommandNames = ["plugins", "plugin", "completion", "context"];

    /// <summary>
    /// Whether argv runs a plugin's command, the case the start-up warm-up pays for: the host's own commands need the
    /// type-name parser at once, and root help does not need it.
    /// </summary>
    internal static bool RunsPluginCommand(IReadOnlyList<string> args) =>
        ArgumentScanner.FindCommandName(args) is { } name && name != Completer.CommandName && !IsHostCommand(name);

    private static bool IsHostCommand(string name) => Array.IndexOf(HostCommandNames, name) >= 0;

    public static string Version { get; } = ReadVersion();

    /// <summary>What <c>truto --version</c> prints.</summary>
    public static string VersionLine => $"truto {Version} (plugin SDK {PluginCatalog.HostSdkVersion.ToString(2)})";

    public static async Task<int> RunAsync(string[] args, HostSettings settings, IStandardStreams streams, CancellationToken cancellationToken, IPluginLoader? loader = null)
    {
        var verbose = ArgumentScanner.WantsVerbose(args);
        var redactor = new SecretRedactor();
        var colors = TerminalColors.For(settings, streams, ArgumentScanner.WantsNoColor(args));
        Task<PluginInventory>? discovery = null;
        try
        {
            if (ArgumentScanner.WantsVersion(args))
            {
                // Nothing else is needed to answer this: no plugin, no container, no command tree.
                await streams.Out.WriteLineAsync(VersionLine);
                await streams.Out.FlushAsync(cancellationToken);
                return ExitCodes.Success;
            }

            StartupTrace.Mark("host entered");
            var pluginLoader = loader ?? new McMasterPluginLoader();
            var commandName = ArgumentScanner.FindCommandName(args);
            // A plugin's command never reads the host commands' attributes: their names say it is not one of them.
            var command = commandName is not null && IsHostCommand(commandName) ? HostCommands.First(c => c.Answers(commandName)) : null;
            PendingServices services;
            if (command is not null)
            {
                services = PrepareBeside(settings, streams, redactor, pluginLoader, out discovery);
            }
            else
            {
                var inventory = Discover(settings, streams, pluginLoader);
                StartupTrace.Mark("plugins discovered");
                if (args is [Completer.CommandName, .. var words])
                {
                    return await CompleteAsync(words, settings, streams, inventory, HostCommands, cancellationToken);
                }

                if (commandName is null)
                {
                    return await ShowRootHelpAsync(args, streams, inventory, HostCommands, colors, cancellationToken);
                }

                // Only the plugin that owns the command is loaded; the others stay descriptions from the cache.
                var owner = inventory.FindCommand(commandName) ?? throw UnknownCommand(commandName, inventory, HostCommands);
                WarnAboutUnusablePlugins(inventory, streams, colors);
                var plugin = inventory.Activate(owner.Plugin);
                command = inventory.Activate(plugin, owner.Command);
                StartupTrace.Mark($"plugin '{plugin.Name}' activated");
                services = new PendingServices(Task.FromResult(HostServices.Build(settings, streams, redactor, () => inventory, plugin.Registration)));
                StartupTrace.Mark("services built");
            }

            await using (services)
            {
                var result = await RunCommandAsync(args, command, services, streams, colors, cancellationToken);
                await streams.Out.FlushAsync(CancellationToken.None);
                return result;
            }
        }
        catch (Exception e) when (DescriptorStream.IsBrokenPipe(e))
        {
            // The reader went away (| head): that is the reader's choice, not a failure.
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            TryFlush(streams.Out);
            return ErrorReporter.Report(e, streams.Error, verbose, redactor, colors.Error);
        }
        finally
        {
            // No run ends while discovery may still be writing the manifest cache (its failure, if it mattered, was
            // already thrown to the command that asked for the plugins).
            if (discovery is not null)
            {
                await Task.WhenAny(discovery);
            }
        }
    }

    private static async Task<int> RunCommandAsync(string[] args, CommandInfo command, IServiceProvider services, IStandardStreams streams, TerminalColors colors, CancellationToken cancellationToken)
    {
        var console = new CommandLineConsole(streams);
        var root = CommandTree.Root(console, services, ArgumentScanner.FindCommandPath(args));
        var globals = GlobalOptions.AddTo(root);
        CommandTree.Add(root, command);
        TrutoHelpText.Install(root, colors.Out);

        StartupTrace.Mark("command tree built");
        var selected = root.Parse(args).SelectedCommand;
        StartupTrace.Mark("command line parsed");
        var context = services.GetRequiredService<InvocationContext>();
        var values = globals.Read(DefaultFormatOf(selected));
        context.Bind(values);
        services.GetRequiredService<SecretRedactor>().Add(values.Token);
        StartupTrace.Mark("command line bound");

        if (selected.IsShowingInformation || selected.OptionHelp?.HasValue() == true)
        {
            if (!selected.IsShowingInformation)
            {
                selected.ShowHelp();
            }

            console.Release();
            return ExitCodes.Success;
        }

        var validation = selected.GetValidationResult();
        if (validation != System.ComponentModel.DataAnnotations.ValidationResult.Success)
        {
            throw new UsageException(validation?.ErrorMessage ?? "invalid arguments", $"Run '{CommandPath.Of(selected)} --help' for usage.");
        }

        if (selected is IModelAccessor accessor && accessor.GetModel() is ITrutoCommand runnable)
        {
            var exitCode = await runnable.ExecuteAsync(cancellationToken);
            StartupTrace.Mark("command done");
            return exitCode is >= 0 and < 256 ? exitCode : ExitCodes.Failure;
        }

        // A group command only lists its subcommands.
        selected.ShowHelp();
        console.Release();
        return ExitCodes.Success;
    }

    /// <summary>
    /// For a host command: another thread builds the container and then discovers the plugins while this one builds
    /// the command's tree, and the command's object waits for both. Work moved, not repeated: plugins list ~3 ms faster.
    /// </summary>
    private static PendingServices PrepareBeside(HostSettings settings, IStandardStreams streams, SecretRedactor redactor, IPluginLoader loader, out Task<PluginInventory> discovery)
    {
        var inventory = new TaskCompletionSource<PluginInventory>(TaskCreationOptions.RunContinuationsAsynchronously);
        discovery = inventory.Task;
        return new PendingServices(Task.Factory.StartNew(() =>
        {
            try
            {
                return HostServices.Build(settings, streams, redactor, () => inventory.Task.GetAwaiter().GetResult(), activePlugin: null);
            }
            finally
            {
                // The plugins last, as the command asks for them last; settled whatever happens, as the run waits for them.
                try
                {
                    inventory.SetResult(Discover(settings, streams, loader));
                }
                catch (Exception e)
                {
                    inventory.SetException(e);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    private static PluginInventory Discover(HostSettings settings, IStandardStreams streams, IPluginLoader loader)
    {
        // Classes, not value tuples: each generic instantiation over a struct is JIT-compiled on every run.
        var searchPath = new List<PluginFolder>
        {
            new(settings.BundledPluginDirectory, PluginSource.Bundled),
            new(settings.UserPluginDirectory, PluginSource.User),
        };
        searchPath.AddRange(settings.EnvironmentPluginDirectories.Select(d => new PluginFolder(d, PluginSource.Environment)));

        var manifest = PluginManifest.Open(settings.PluginManifestPath, PluginManifest.HostStamp);
        var catalog = PluginCatalog.ForHost(loader, settings, streams, manifest);
        return new PluginInventory(catalog.Discover(searchPath), catalog);
    }

    /// <summary><c>truto __complete &lt;words...&gt;</c>: completion candidates, one a line, for the shell scripts.</summary>
    private static async Task<int> CompleteAsync(string[] words, HostSettings settings, IStandardStreams streams, PluginInventory inventory, IReadOnlyList<CommandInfo> hostCommands, CancellationToken cancellationToken)
    {
        var candidates = await new Completer(settings, streams, inventory, hostCommands).CompleteAsync(words, cancellationToken);
        foreach (var candidate in candidates)
        {
            await streams.Out.WriteAsync(candidate + "\n");
        }

        await streams.Out.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private static async Task<int> ShowRootHelpAsync(string[] args, IStandardStreams streams, PluginInventory inventory, IReadOnlyList<CommandInfo> hostCommands, TerminalColors colors, CancellationToken cancellationToken)
    {
        var unknown = args.FirstOrDefault(a => a.StartsWith('-') && a is not ("-h" or "--help" or "-v" or "--verbose" or "--no-color") && !GlobalOptions.WithValue.Contains(a));
        if (unknown is not null)
        {
            throw new UsageException($"unrecognized option '{unknown}'", "Run 'truto --help' for usage.");
        }

        await streams.Out.WriteAsync(RootHelp.Render(inventory, hostCommands, Version, colors.Out));
        await streams.Out.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private static UsageException UnknownCommand(string name, PluginInventory inventory, IReadOnlyList<CommandInfo> hostCommands)
    {
        // Aliases count as spellings of their command, but only the command's own name is suggested.
        var spellings = inventory.Loaded.SelectMany(p => p.Commands).Concat(hostCommands)
            .SelectMany(c => c.Aliases.Prepend(c.Name).Select(spelling => (spelling, c.Name)))
            .ToArray();
        var nearest = Suggestions.For(name, spellings.Select(s => s.spelling))
            .Select(s => spellings.First(x => x.spelling == s).Name)
            .Distinct()
            .ToArray();
        var hint = nearest.Length == 0
            ? "Run 'truto --help' to see every command."
            : $"Did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}? Run 'truto --help' to see every command.";
        return new UsageException($"unknown command '{name}'", hint);
    }

    private static void WarnAboutUnusablePlugins(PluginInventory inventory, IStandardStreams streams, TerminalColors colors)
    {
        var unusable = inventory.Unusable.Select(p => p.Name).ToArray();
        if (unusable.Length > 0)
        {
            streams.Error.WriteLine($"{colors.Error.Yellow("warning:")} {unusable.Length} plugin(s) could not be loaded ({string.Join(", ", unusable)}); run 'truto plugins list' for the reasons");
        }
    }

    private static OutputFormat DefaultFormatOf(CommandLineApplication selected) =>
        selected is IModelAccessor accessor
            ? accessor.GetModelType().GetCustomAttribute<DefaultOutputFormatAttribute>()?.Format ?? OutputFormat.Table
            : OutputFormat.Table;

    private static void TryFlush(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (IOException)
        {
        }
    }

    private static string ReadVersion()
    {
        var informational = typeof(TrutoHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? informational[..plus] : informational;
    }
}
