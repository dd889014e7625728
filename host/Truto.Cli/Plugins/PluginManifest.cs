using System.Text;

namespace Truto.Cli.Plugins;

/// <summary>
/// What each plugin folder held the last time it was loaded (name, version, SDK, commands, or why it failed), so a
/// run needs to load only the plugin that owns its command. Kept in <c>&lt;config&gt;/cache/plugins-&lt;hash&gt;.manifest</c>,
/// one per truto installation (<see cref="FileNameFor"/>).
/// </summary>
/// <remarks>
/// An entry counts only while its folder's fingerprint (every file's relative path, size and modification time)
/// is unchanged, and the whole file only for the host build that wrote it: anything else is rebuilt, never trusted.
/// A plain line format, because reading JSON at start-up costs more than the rest of it. The cache is an
/// optimisation only: a file that cannot be read or written is ignored.
/// </remarks>
internal sealed class PluginManifest
{
    private const string Magic = "truto-plugin-manifest 2";
    private readonly string? _path;
    private readonly string _stamp;
    private readonly Dictionary<string, Entry> _read;
    private readonly Dictionary<string, Entry> _used = new(StringComparer.Ordinal);
    private bool _changed;

    private PluginManifest(string? path, string stamp, Dictionary<string, Entry> read)
    {
        _path = path;
        _stamp = stamp;
        _read = read;
    }

    /// <summary>A manifest that remembers nothing and writes nothing: every plugin is loaded.</summary>
    public static PluginManifest None { get; } = new(null, "", new(StringComparer.Ordinal));

    /// <summary>False for <see cref="None"/>: nothing is remembered, so there is no point fingerprinting folders.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(_path))]
    public bool Remembers => _path is not null;

    /// <summary>The host build a manifest belongs to (its file's size and time): a rebuilt host may share types differently.</summary>
    public static string HostStamp { get; } = ReadHostStamp();

    public static PluginManifest Open(string path, string stamp)
    {
        try
        {
            if (File.Exists(path) && Parse(File.ReadAllLines(path), stamp) is { } entries)
            {
                return new PluginManifest(path, stamp, entries);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return new PluginManifest(path, stamp, new(StringComparer.Ordinal));
    }

    /// <summary>The remembered record of the plugin in <paramref name="folder"/>, if its files are unchanged.</summary>
    public PluginRecord? Find(string folder, string fingerprint)
    {
        if (!Remembers || !_read.TryGetValue(folder, out var entry) || entry.Fingerprint != fingerprint)
        {
            return null;
        }

        _used[folder] = entry;
        return entry.Record;
    }

    public void Remember(string folder, string fingerprint, PluginRecord record)
    {
        _used[folder] = new Entry(fingerprint, record with { Registration = null, Commands = record.Commands.Select(c => c with { ModelType = null }).ToArray() });
        _changed = true;
    }

    /// <summary>Forgets a plugin whose remembered record turned out wrong, so the next run loads it afresh.</summary>
    public void Forget(string folder)
    {
        _used.Remove(folder);
        _changed = true;
    }

    /// <summary>Writes the entries used this run (atomically), when they differ from what was read.</summary>
    public void Save()
    {
        if (!Remembers || (!_changed && _used.Count == _read.Count))
        {
            return;
        }

        var temporary = $"{_path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.WriteAllText(temporary, Render());
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full config folder: the next run loads the plugins again, that is all.
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// The manifest's file name for the truto installed in <paramref name="hostDirectory"/>. A manifest belongs to one
    /// host build, so installations sharing a config folder (a release and a development build, say) each keep their
    /// own rather than rebuilding the other's, loading every plugin, on each switch.
    /// </summary>
    public static string FileNameFor(string hostDirectory) => $"plugins-{(uint)TextHash(hostDirectory):x8}.manifest";

    /// <summary>Changes whenever any file under <paramref name="folder"/> is added, removed, resized or touched.</summary>
    public static string Fingerprint(string folder)
    {
        // Each file's FNV-1a hash of (relative path, size, mtime), summed: order-free, so readdir order never matters
        // and nothing is sorted. Unlike string.GetHashCode, stable across processes. FileInfo's size and time come
        // from the directory walk itself, with no further system call.
        var sum = 0UL;
        var count = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            sum += EntryHash(file.FullName.AsSpan(folder.Length), file.Length, file.LastWriteTimeUtc.Ticks);
            count++;
        }

        return $"{count}-{sum:x16}";
    }

    private static ulong EntryHash(ReadOnlySpan<char> relativePath, long length, long ticks)
    {
        var hash = (TextHash(relativePath) ^ (ulong)length) * 1099511628211UL;
        return (hash ^ (ulong)ticks) * 1099511628211UL;
    }

    /// <summary>FNV-1a: unlike string.GetHashCode, the same in every process.</summary>
    private static ulong TextHash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static string ReadHostStamp()
    {
        // A stat of truto.dll is cheaper than reading the module id from metadata; a single-file build has no path.
        var host = typeof(PluginManifest).Assembly;
        var file = string.IsNullOrEmpty(host.Location) ? null : new FileInfo(host.Location);
        var build = file is { Exists: true } ? $"{file.Length}-{file.LastWriteTimeUtc.Ticks}" : host.ManifestModule.ModuleVersionId.ToString("N");
        return $"{build} {PluginCatalog.HostSdkVersion}";
    }

    private string Render()
    {
        var text = new StringBuilder();
        text.Append(Magic).Append('\t').Append(Escape(_stamp)).Append('\n');
        foreach (var folder in _used.Keys.Order(StringComparer.Ordinal))
        {
            var (fingerprint, record) = _used[folder];
            Line(text, "plugin", folder, fingerprint, PluginText.Of(record.Status), record.Name, record.Path, record.Version,
                record.SdkVersion?.ToString(), record.Description, record.Reason);
            foreach (var command in record.Commands)
            {
                Line(text, "command", command.Name, string.Join(' ', command.Aliases), command.Hidden ? "hidden" : "shown", command.Description);
            }
        }

        return text.Append("end\n").ToString();
    }

    private static Dictionary<string, Entry>? Parse(string[] lines, string stamp)
    {
        if (lines.Length < 2 || lines[0] != $"{Magic}\t{Escape(stamp)}" || lines[^1] != "end")
        {
            return null;
        }

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        string? folder = null;
        string? fingerprint = null;
        PluginRecord? record = null;
        var commands = new List<CommandInfo>();

        void Close()
        {
            if (record is not null)
            {
                entries[folder!] = new Entry(fingerprint!, record with { Commands = commands.ToArray() });
                commands.Clear();
            }
        }

        foreach (var line in lines.AsSpan(1, lines.Length - 2))
        {
            var fields = line.Split('\t').Select(Unescape).ToArray();
            switch (fields)
            {
                case ["plugin", { } f, { } print, { } status, { } name, { } path, var version, var sdk, var description, var reason]
                    when PluginText.StatusOf(status) is { } parsedStatus && (sdk is null || Version.TryParse(sdk, out _)):
                    Close();
                    (folder, fingerprint) = (f, print);
                    record = new PluginRecord
                    {
                        Name = name,
                        Path = path,
                        Source = PluginSource.Bundled, // the caller knows where it was found this time
                        Status = parsedStatus,
                        Version = version,
                        SdkVersion = sdk is null ? null : Version.Parse(sdk),
                        Description = description,
                        Reason = reason,
                    };
                    break;
                case ["command", { } name, { } aliases, "hidden" or "shown", var description] when record is not null:
                    commands.Add(new CommandInfo(name, aliases.Split(' ', StringSplitOptions.RemoveEmptyEntries), description, fields[3] == "hidden", null));
                    break;
                default:
                    return null; // damaged: rebuild it rather than guess
            }
        }

        Close();
        return entries;
    }

    private sealed record Entry(string Fingerprint, PluginRecord Record);

    private static void Line(StringBuilder text, params string?[] fields) =>
        text.AppendJoin('\t', fields.Select(Escape)).Append('\n');

    // Null is written as a lone \0 marker; tabs, newlines and backslashes are escaped.
    private static string Escape(string? value) =>
        value is null ? "\\0" : value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    private static string? Unescape(string value)
    {
        if (value == "\\0")
        {
            return null;
        }

        if (!value.Contains('\\'))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                text.Append(value[i]);
                continue;
            }

            text.Append(value[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
        }

        return text.ToString();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
