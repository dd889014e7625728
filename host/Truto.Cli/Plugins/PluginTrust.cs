using System.Runtime.InteropServices;

namespace Truto.Cli.Plugins;

/// <summary>
/// Like ssh's StrictModes: on POSIX, a plugin whose folder or DLL others could have written, or that belongs to
/// another user (root excepted), runs code nobody vouched for, so it is refused. TRUTO_PLUGINS_STRICT_MODES=no
/// turns the check off for unusual set-ups (shared, group-managed plugin folders).
/// </summary>
internal static partial class PluginTrust
{
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Null when the plugin may be loaded, else why not and how to fix it.</summary>
    public static string? Check(string pluginFolder, string assemblyPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        foreach (var path in new[] { pluginFolder, assemblyPath })
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & WritableByOthers) != 0)
            {
                var who = (mode & UnixFileMode.GroupWrite) != 0 && (mode & UnixFileMode.OtherWrite) != 0 ? "group and others"
                    : (mode & UnixFileMode.GroupWrite) != 0 ? "its group" : "others";
                return $"{path} is writable by {who}, so anyone there could change what truto runs: chmod go-w '{path}' (or set TRUTO_PLUGINS_STRICT_MODES=no)";
            }

            if (OwnerOf(path) is { } owner && owner != 0 && owner != CurrentUser())
            {
                return $"{path} belongs to another user (uid {owner}): only your own plugins, or root's, are loaded (set TRUTO_PLUGINS_STRICT_MODES=no to allow it)";
            }
        }

        return null;
    }

    private static uint CurrentUser() => OperatingSystem.IsLinux() ? GetEffectiveUserId() : 0;

    /// <summary>The file's owner via statx(2), whose layout is the same on every Linux architecture; null elsewhere.</summary>
    private static unsafe uint? OwnerOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        const int CurrentDirectory = -100; // AT_FDCWD
        const int NoFollow = 0x100;         // AT_SYMLINK_NOFOLLOW
        const uint WantOwner = 0x8;         // STATX_UID
        const int OwnerOffset = 20;         // struct statx: mask, blksize, attributes, nlink, then uid
        var buffer = stackalloc byte[256];
        return StatX(CurrentDirectory, path, NoFollow, WantOwner, buffer) == 0 ? *(uint*)(buffer + OwnerOffset) : null;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatX(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
