using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LunaFpr.Learning.Runtime;

/// <summary>
/// Makes libtorch's OpenMP threads sleep, rather than spin, while they wait for each other
/// (<c>OMP_WAIT_POLICY=PASSIVE</c>), unless the environment already says otherwise.
/// </summary>
/// <remarks>
/// Spinning pays off only when every torch thread owns a core. On a shared machine a spinning thread burns the
/// time slice its descheduled peer needs: on two shared cores under load a small-preset training step took 4–5 s
/// with spinning and about 1 s with passive waiting. libgomp reads the variable once, when libtorch loads, so it is
/// set in the native environment (.NET's own copy is invisible to native code) before any torch call.
/// Set <c>OMP_WAIT_POLICY=ACTIVE</c> to restore spinning on a dedicated machine.
/// </remarks>
public static class OpenMpWaitPolicy
{
    /// <summary>The environment variable libgomp reads.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

#pragma warning disable CA2255 // must run before TorchSharp loads libtorch and, with it, libgomp
    [ModuleInitializer]
    internal static void ApplyOnLoad() => EnsurePassiveUnlessSet();
#pragma warning restore CA2255

    /// <summary>Sets the variable to PASSIVE in the native environment when it is unset; true if it did.</summary>
    public static bool EnsurePassiveUnlessSet()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null)
        {
            return false;
        }

        return SetEnv(Variable, "PASSIVE", overwrite: 0) == 0;
    }

    [DllImport("libc", EntryPoint = "setenv", SetLastError = true)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
