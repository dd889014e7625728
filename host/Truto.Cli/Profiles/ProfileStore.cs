using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;
using Truto.Cli.Startup;

namespace Truto.Cli.Profiles;

/// <summary>
/// config.json on disk. Reads take no lock. Updates hold an exclusive lock on <c>config.json.lock</c> (an OS file
/// lock, released by the kernel if the process dies, so a killed process never leaves a stale lock), re-read the
/// file, and replace it atomically: write a temp file in the same folder, flush it to disk, rename it over.
/// The file is 0600 and a folder the tool creates is 0700.
/// </summary>
internal sealed class ProfileStore : IProfileStore
{
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TimeSpan _lockTimeout;
    private readonly string? _pauseMarker;

    public ProfileStore(HostSettings settings)
        : this(settings.ConfigFilePath, TimeSpan.FromSeconds(10), settings.ConfigWritePauseMarker)
    {
    }

    internal ProfileStore(string filePath, TimeSpan lockTimeout, string? pauseMarker = null)
    {
        FilePath = filePath;
        _lockTimeout = lockTimeout;
        _pauseMarker = pauseMarker;
    }

    public string FilePath { get; }

    private string LockPath => FilePath + ".lock";

    public Task<ProfileConfig> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ConfigFile.ToConfig(ReadRoot(), FilePath));

    public async Task<ProfileConfig> UpdateAsync(Func<ProfileConfig, ProfileConfig> change, CancellationToken cancellationToken)
    {
        EnsureDirectory();
        using var held = await AcquireLockAsync(cancellationToken);
        RemoveTempFilesOfDeadWriters();
        var root = ReadRoot();
        var updated = change(ConfigFile.ToConfig(root, FilePath));
        WriteAtomically(ConfigFile.Merge(root, updated));
        return updated;
    }

    // Reads and writes are synchronous: the file is a few KB, and the async file API would start the thread pool
    // for it on every run.
    private JObject ReadRoot()
    {
        string text;
        try
        {
            text = File.ReadAllText(FilePath, Utf8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new JObject();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the config file {FilePath}: {e.Message}", "Check the file's permissions (it should be readable by you, mode 0600).");
        }

        return ConfigFile.Parse(text, FilePath);
    }

    private void WriteAtomically(JObject root)
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = FileMode600;
            }

            using (var stream = new FileStream(temp, options))
            {
                var bytes = Utf8.GetBytes(root.ToString(Formatting.Indented) + "\n");
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            PauseForTests();

            File.Move(temp, FilePath, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(FilePath, FileMode600);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new CliException($"cannot write the config file {FilePath}: {e.Message}", $"Check that {directory} is writable and the disk is not full; nothing was changed.");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static FileStreamOptions LockOptions
    {
        get
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = FileMode600;
            }

            return options;
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _lockTimeout;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix; another truto waits here.
                return new FileStream(LockPath, LockOptions);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
            }
            catch (IOException e)
            {
                throw new CliException(
                    $"the config file is locked by another truto process (waited {_lockTimeout.TotalSeconds:0} s for {LockPath})",
                    "Wait for the other truto command to finish and try again.",
                    ExitCodes.Failure,
                    e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new CliException($"cannot write in {Path.GetDirectoryName(FilePath)}: {e.Message}", "Check the folder's permissions; nothing was changed.");
            }
        }
    }

    private void EnsureDirectory()
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        if (Directory.Exists(directory))
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, DirectoryMode700);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot create the config folder {directory}: {e.Message}", "Check the permissions of its parent folder, or set TRUTO_CONFIG_DIR to a writable folder.");
        }
    }

    /// <summary>Holding the lock, any temp file left is a writer's that died before its rename.</summary>
    private void RemoveTempFilesOfDeadWriters()
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        foreach (var orphan in Directory.EnumerateFiles(directory, $".{Path.GetFileName(FilePath)}.*.tmp"))
        {
            TryDelete(orphan);
        }
    }

    private void PauseForTests()
    {
        if (_pauseMarker is null)
        {
            return;
        }

        File.WriteAllText(_pauseMarker, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Thread.Sleep(TimeSpan.FromSeconds(60));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
