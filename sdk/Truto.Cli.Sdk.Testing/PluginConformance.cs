using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Plugins;
using Truto.Cli.Startup;
using Truto.Cli.Sdk.Commands;

namespace Truto.Cli.Sdk.Testing;

/// <summary>
/// Checks a plugin against the conventions every truto plugin should meet: it loads through the host (entry
/// attribute, compatible SDK, clean registration), every command has a description and an example, and no code in
/// it reaches for the console, the process environment or <c>Environment.Exit</c> (commands get those from the host).
/// </summary>
public static class PluginConformance
{
    private static readonly (string Namespace, string Type, string? Member, string Why)[] Forbidden =
    [
        ("System", "Console", null, "use IOutput and IStandardStreams, so output formats, redirection and tests work"),
        ("System", "Environment", "Exit", "return an exit code from ExecuteAsync or throw a CliException"),
        ("System", "Environment", "GetEnvironmentVariable", "take the value as an option, or through ICredentials for keys"),
        ("System", "Environment", "GetEnvironmentVariables", "take the value as an option, or through ICredentials for keys"),
    ];

    /// <summary>Checks the plugin whose main DLL is <paramref name="pluginAssemblyPath"/> (its build output folder).</summary>
    /// <param name="pluginAssemblyPath">The plugin's main DLL.</param>
    /// <returns>What does not conform; empty when all is well.</returns>
    public static ConformanceReport Check(string pluginAssemblyPath)
    {
        var problems = new List<string>();
        using var host = new TrutoTestHost { BundledPluginDirectory = null };
        host.AddPlugin(pluginAssemblyPath);
        var settings = new HostSettings { ConfigDirectory = host.ConfigDirectory, BundledPluginDirectory = host.ConfigDirectory };
        var catalog = PluginCatalog.ForHost(new McMasterPluginLoader(), settings, new TestTerminal());
        var record = catalog.Discover(host.PluginDirectories.Select(d => new PluginFolder(d, PluginSource.Environment))).Single();
        if (record.Status != PluginStatus.Loaded)
        {
            problems.Add($"the plugin does not load ({record.Status.ToString().ToLowerInvariant()}): {record.Reason}");
        }
        else
        {
            foreach (var command in record.Commands)
            {
                CheckCommand(command.ModelType!, command.Name, problems);
            }
        }

        problems.AddRange(ForbiddenCalls(pluginAssemblyPath));
        return new ConformanceReport(problems);
    }

    private static void CheckCommand(Type type, string path, List<string> problems)
    {
        var attribute = type.GetCustomAttribute<CommandAttribute>();
        if (string.IsNullOrWhiteSpace(attribute?.Description))
        {
            problems.Add($"'{path}' has no description ([Command(Description = ...)])");
        }

        if (attribute?.ExtendedHelpText?.Contains("Example", StringComparison.OrdinalIgnoreCase) != true)
        {
            problems.Add($"'{path}' has no example in its help (ExtendedHelpText with an \"Examples:\" section)");
        }

        var subcommands = type.GetCustomAttributes<SubcommandAttribute>().SelectMany(s => s.Types).ToArray();
        if (subcommands.Length == 0 && !typeof(ITrutoCommand).IsAssignableFrom(type))
        {
            problems.Add($"'{path}' neither implements ITrutoCommand nor has subcommands");
        }

        foreach (var subcommand in subcommands)
        {
            var name = subcommand.GetCustomAttribute<CommandAttribute>()?.Name ?? subcommand.Name;
            CheckCommand(subcommand, $"{path} {name}", problems);
        }
    }

    private static IEnumerable<string> ForbiddenCalls(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
            var ns = metadata.GetString(type.Namespace);
            var name = metadata.GetString(type.Name);
            var memberName = metadata.GetString(member.Name);
            foreach (var rule in Forbidden.Where(r => r.Namespace == ns && r.Type == name && (r.Member is null || r.Member == memberName)))
            {
                found.Add($"calls {ns}.{name}.{memberName.Replace("get_", "", StringComparison.Ordinal)}: {rule.Why}");
            }
        }

        return found;
    }
}

/// <summary>The outcome of <see cref="PluginConformance.Check"/>.</summary>
/// <param name="Problems">What does not conform, one sentence each.</param>
public sealed record ConformanceReport(IReadOnlyList<string> Problems)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool Conforms => Problems.Count == 0;

    /// <summary>The problems, one per line, for assertion messages.</summary>
    /// <returns>The report as text.</returns>
    public override string ToString() => Conforms ? "conforms" : string.Join('\n', Problems);
}
