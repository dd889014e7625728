using System.Security.Cryptography;
using System.Text;

namespace Truto.Plugins.Build.Caching;

/// <summary>
/// A folder of <c>&lt;sha256&gt;.json</c> files with a time to live: the LLM response cache and the page cache are
/// each one of these. An entry older than the TTL (by its file's write time), or one that cannot be read, is a miss.
/// Writes go to a temporary file first, so a crash never leaves half an entry behind.
/// </summary>
internal sealed class DiskCache
{
    private readonly string _directory;
    private readonly TimeSpan _timeToLive;
    private readonly TimeProvider _time;

    public DiskCache(string directory, TimeSpan timeToLive, TimeProvider time)
    {
        _directory = directory;
        _timeToLive = timeToLive;
        _time = time;
    }

    /// <summary>The hex SHA-256 of <paramref name="identity"/>: the entry's file name without extension.</summary>
    public static string KeyFor(string identity) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));

    public string PathFor(string key) => Path.Combine(_directory, key + ".json");

    public string? TryRead(string key)
    {
        var path = PathFor(key);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || _time.GetUtcNow() - info.LastWriteTimeUtc > _timeToLive)
            {
                return null;
            }

            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string key, string content)
    {
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
        {
            // Cached answers quote the user's sources and docs: readable by the user only.
            File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = PathFor(key);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
