using System.Runtime.InteropServices;

namespace Truto.Benchmarks.Measuring;

/// <summary>
/// Raises the harness's scheduling priority when it may (as root), so builds and tests elsewhere on the machine
/// disturb the measured children (which inherit it) less. Both sides of every comparison run at the same priority.
/// </summary>
internal static partial class Priority
{
    private const int Process = 0; // PRIO_PROCESS
    private const int Raised = -10;

    /// <summary>The nice value the measured children run at.</summary>
    public static int Raise() => SetPriority(Process, 0, Raised) == 0 ? Raised : GetPriority(Process, 0);

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "getpriority")]
    private static partial int GetPriority(int which, int who);
}
