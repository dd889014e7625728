using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Plugins;
using Truto.Cli.Sdk.Terminal;
using Truto.Cli.Startup;

namespace Truto.Cli.Plugins;

/// <summary>
/// Finds plugins in the search folders (bundled, user, TRUTO_PLUGIN_PATH, in that order) and records what each adds,
/// or why it could not be used. One broken plugin never stops the others. A plugin whose folder is unchanged since
/// the manifest cache saw it is described from the cache and loaded only when one of its commands runs
/// (<see cref="Activate"/>); any other is loaded, in isolation, right away.
/// </summary>
internal sealed class PluginCatalog
{
    private readonly IPluginLoader _loader;
    private readonly Version _hostSdkVersion;
    private readonly IReadOnlyCollection<string> _reservedCommandNames;
    private readonly bool _strictModes;
    private readonly PluginManifest _manifest;
    private readonly Func<PluginRegistration, string?>? _findServiceProblem;

    /// <param name="findServiceProblem">
    /// Why a plugin loaded afresh cannot have its commands built, or null (see <see cref="ForHost"/>); not asked again
    /// when the manifest already vouches for the plugin.
    /// </param>
    public PluginCatalog(IPluginLoader loader, Version hostSdkVersion, IReadOnlyCollection<string> reservedCommandNames, bool strictModes = true, PluginManifest? manifest = null,
        Func<PluginRegistration, string?>? findServiceProblem = null)
    {
        _loader = loader;
        _hostSdkVersion = hostSdkVersion;
        _reservedCommandNames = reservedCommandNames;
        _strictModes = strictModes;
        _manifest = manifest ?? PluginManifest.None;
        _findServiceProblem = findServiceProblem;
    }

    /// <summary>
    /// The catalog as truto itself loads plugins (discovery, <c>plugins install</c>, the SDK's conformance check): this
    /// host's SDK, the host's command names reserved, and each plugin loaded afresh checked against the services its
    /// commands can be given (<see cref="HostServices.ProblemWith"/>).
    /// </summary>
    public static PluginCatalog ForHost(IPluginLoader loader, HostSettings settings, IStandardStreams streams, PluginManifest? manifest = null) =>
        new(loader, HostSdkVersion, TrutoHost.HostCommandNames, settings.PluginStrictModes, manifest,
            plugin => HostServices.ProblemWith(plugin, settings, streams));

    public static Version HostSdkVersion => typeof(ITrutoPlugin).Assembly.GetName().Version!;

    public IReadOnlyList<PluginRecord> Discover(IEnumerable<PluginFolder> searchPath)
    {
        var records = new List<PluginRecord>();
        foreach (var (directory, source) in searchPath)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            // Array.Sort, not LINQ's Order: its index fill is generic code compiled (and an assembly loaded) per run.
            var entries = Directory.GetFileSystemEntries(directory);
            Array.Sort(entries, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var candidate = Inspect(entry, source);
                if (candidate is not null)
                {
                    records.Add(candidate);
                }
            }
        }

        _manifest.Save();
        return ResolveConflicts(records);
    }

    /// <summary>
    /// Loads a plugin described from the manifest cache, so its command classes and services can be used. Returns
    /// the record unchanged when it is already loaded, or a failed record (and the cache forgets it) when it no
    /// longer loads.
    /// </summary>
    public PluginRecord Activate(PluginRecord record)
    {
        if (record.Registration is not null || record.Status != PluginStatus.Loaded)
        {
            return record;
        }

        var loaded = LoadAndRegister(record.Name, record.Source, record.Path, record.SdkVersion!);
        if (loaded.Status != PluginStatus.Loaded)
        {
            _manifest.Forget(Path.GetDirectoryName(record.Path)!);
            _manifest.Save();
        }

        return loaded;
    }

    private PluginRecord? Inspect(string entry, PluginSource source)
    {
        var name = Path.GetFileName(entry);
        if (File.Exists(entry))
        {
            // A bare DLL in a plugins folder is a common mistake: say how to fix it rather than ignore it.
            return entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? PluginRecord.Failed(Path.GetFileNameWithoutExtension(entry), source, entry, PluginStatus.Failed,
                    $"plugins live in their own folder: move it to {Path.GetFileNameWithoutExtension(entry)}/{name} together with its dependencies")
                : null;
        }

        var assemblyPath = Path.Combine(entry, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            return PluginRecord.Failed(name, source, entry, PluginStatus.Failed,
                $"no {name}.dll in the folder (a plugin named {name} lives in {name}/{name}.dll)");
        }

        return Load(name, source, assemblyPath);
    }

    private PluginRecord Load(string name, PluginSource source, string assemblyPath)
    {
        var folder = Path.GetDirectoryName(assemblyPath)!;
        if (_strictModes && PluginTrust.Check(folder, assemblyPath) is { } distrust)
        {
            return PluginRecord.Failed(name, source, assemblyPath, PluginStatus.Untrusted, distrust);
        }

        var fingerprint = FingerprintOf(folder);
        if (fingerprint is not null && _manifest.Find(folder, fingerprint) is { } known)
        {
            return known with { Source = source };
        }

        var record = LoadFresh(name, source, assemblyPath);
        if (fingerprint is not null)
        {
            _manifest.Remember(folder, fingerprint, record);
        }

        return record;
    }

    private string? FingerprintOf(string folder)
    {
        if (!_manifest.Remembers)
        {
            return null;
        }

        try
        {
            return PluginManifest.Fingerprint(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // not cacheable: load it every time
        }
    }

    private PluginRecord LoadFresh(string name, PluginSource source, string assemblyPath)
    {
        Version? sdkVersion;
        try
        {
            sdkVersion = AssemblyInspector.ReadSdkReference(assemblyPath);
        }
        catch (BadImageFormatException)
        {
            return PluginRecord.Failed(name, source, assemblyPath, PluginStatus.Failed, "not a .NET assembly: rebuild the plugin or remove the file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PluginRecord.Failed(name, source, assemblyPath, PluginStatus.Failed, $"cannot be read: {e.Message}");
        }

        if (sdkVersion is null)
        {
            return PluginRecord.Failed(name, source, assemblyPath, PluginStatus.Failed,
                "does not reference Truto.Cli.Sdk, so it is not a truto plugin");
        }

        if (SdkCompatibility.Check(_hostSdkVersion, sdkVersion) is { } incompatibility)
        {
            return PluginRecord.Failed(name, source, assemblyPath, PluginStatus.Incompatible, incompatibility, sdkVersion);
        }

        var loaded = LoadAndRegister(name, source, assemblyPath, sdkVersion);
        return loaded.Registration is { } registration && _findServiceProblem?.Invoke(registration) is { } problem
            ? PluginRecord.Failed(name, source, assemblyPath, PluginStatus.Failed, problem, sdkVersion)
            : loaded;
    }

    private PluginRecord LoadAndRegister(string name, PluginSource source, string assemblyPath, Version sdkVersion)
    {
        try
        {
            return Register(name, source, assemblyPath, sdkVersion);
        }
        catch (PluginRejectedException e)
        {
            return PluginRecord.Failed(name, source, assemblyPath, e.Status, e.Message, sdkVersion);
        }
        catch (Exception e)
        {
            return PluginRecord.Failed(name, source, assemblyPath, PluginStatus.Failed, Describe(e), sdkVersion);
        }
    }

    private PluginRecord Register(string name, PluginSource source, string assemblyPath, Version sdkVersion)
    {
        var assembly = _loader.Load(assemblyPath);
        var attribute = assembly.GetCustomAttribute<TrutoPluginAttribute>()
            ?? throw new PluginRejectedException("has no [assembly: TrutoPlugin(typeof(...))] attribute naming its entry type");
        if (!typeof(ITrutoPlugin).IsAssignableFrom(attribute.EntryType))
        {
            throw new PluginRejectedException($"its entry type {attribute.EntryType.FullName} does not implement ITrutoPlugin");
        }

        ITrutoPlugin plugin;
        try
        {
            plugin = (ITrutoPlugin)Activator.CreateInstance(attribute.EntryType)!;
        }
        catch (Exception e)
        {
            throw new PluginRejectedException($"its entry type {attribute.EntryType.FullName} could not be created: {Describe(Unwrap(e))}");
        }

        var registration = new PluginRegistration(assembly);
        try
        {
            plugin.Register(registration);
        }
        catch (Exception e)
        {
            // A missing dependency surfaces here, but it is not the plugin's own exception: say what is missing.
            throw new PluginRejectedException(Unwrap(e) is FileNotFoundException or FileLoadException ? Describe(e) : $"threw while registering: {Describe(e)}");
        }

        if (registration.Services.FirstOrDefault(d => d.ServiceType.Assembly == typeof(ITrutoPlugin).Assembly) is { } taken)
        {
            throw new PluginRejectedException($"registers {taken.ServiceType.Name}, which only the host provides", PluginStatus.Conflict);
        }

        return new PluginRecord
        {
            Name = plugin.Name,
            Description = plugin.Description,
            Source = source,
            Path = assemblyPath,
            Status = PluginStatus.Loaded,
            Version = VersionOf(assembly),
            SdkVersion = sdkVersion,
            Commands = registration.CommandTypes.Select(DescribeCommand).ToArray(),
            Registration = registration,
        };
    }

    public static CommandInfo DescribeCommand(Type type)
    {
        var command = type.GetCustomAttribute<CommandAttribute>()
            ?? throw new PluginRejectedException($"command class {type.FullName} has no [Command] attribute");
        if (string.IsNullOrWhiteSpace(command.Name))
        {
            throw new PluginRejectedException($"command class {type.FullName} has no name in its [Command] attribute");
        }

        return new CommandInfo(command.Name, command.Names.Skip(1).ToArray(), command.Description, !command.ShowInHelpText, type);
    }

    private IReadOnlyList<PluginRecord> ResolveConflicts(List<PluginRecord> records)
    {
        // First come, first served, in search order: bundled plugins win over user plugins over TRUTO_PLUGIN_PATH.
        var owners = _reservedCommandNames.ToDictionary(n => n, _ => "truto itself", StringComparer.Ordinal);
        var pluginNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var resolved = new List<PluginRecord>(records.Count);
        foreach (var record in records)
        {
            if (record.Status != PluginStatus.Loaded)
            {
                resolved.Add(record);
                continue;
            }

            string? reason = null;
            if (pluginNames.TryGetValue(record.Name, out var otherPath))
            {
                reason = $"a plugin named '{record.Name}' is already loaded from {otherPath}";
            }
            else
            {
                foreach (var name in record.Commands.SelectMany(c => c.Aliases.Prepend(c.Name)))
                {
                    if (owners.TryGetValue(name, out var owner))
                    {
                        reason = $"command '{name}' is already provided by {owner}";
                        break;
                    }
                }
            }

            if (reason is not null)
            {
                resolved.Add(record with { Status = PluginStatus.Conflict, Reason = reason + "; remove one of the two", Registration = null });
                continue;
            }

            pluginNames[record.Name] = record.Path;
            foreach (var name in record.Commands.SelectMany(c => c.Aliases.Prepend(c.Name)))
            {
                owners[name] = $"plugin '{record.Name}'";
            }

            resolved.Add(record);
        }

        return resolved;
    }

    private static string VersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus > 0 ? informational[..plus] : informational;
        }

        return assembly.GetName().Version?.ToString(3) ?? "unknown";
    }

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    private static string Describe(Exception e)
    {
        e = Unwrap(e);
        return e switch
        {
            FileNotFoundException { FileName: { } file } => $"a dependency is missing: {file}; reinstall the plugin with every file of its folder",
            FileLoadException { FileName: { } file } => $"a dependency could not be loaded: {file}: {e.Message}",
            ReflectionTypeLoadException { LoaderExceptions: var inner } when inner.FirstOrDefault(x => x is not null) is { } first => Describe(first),
            TypeLoadException => $"a type could not be loaded ({e.Message}); it may need a dependency that is missing or of another version",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
    }

    private sealed class PluginRejectedException(string message, PluginStatus status = PluginStatus.Failed) : Exception(message)
    {
        public PluginStatus Status { get; } = status;
    }
}
