using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace LunaFpr.Learning.Runtime;

/// <summary>
/// Makes TorchSharp's native bridge, <c>libLibTorchSharp.so</c>, loadable on Linux systems whose libstdc++ is
/// older than GCC 13's (Debian 12 ships GLIBCXX_3.4.30).
/// </summary>
/// <remarks>
/// The bridge asks for GLIBCXX_3.4.32 for a single symbol, <c>std::ios_base_library_init</c>, which GCC 13's
/// <c>&lt;iostream&gt;</c> references but never calls. Marking that one requirement weak lets the dynamic
/// loader accept the library; nothing else changes. The patch is applied only when the libstdc++ in use lacks
/// that version, only to the copy of the bridge in this application's own output folder (never to a system
/// file or the NuGet cache), and atomically: a patched copy is written beside it and renamed over it.
/// </remarks>
public static class LibTorchSharpPatch
{
    internal const string BridgeFileName = "libLibTorchSharp.so";
    internal const string WeakenableVersion = "GLIBCXX_3.4.32";

    private static readonly object Gate = new();
    private static bool done;

#pragma warning disable CA2255 // patching must happen before TorchSharp first touches its native library
    [ModuleInitializer]
    internal static void ApplyOnLoad() => EnsureApplied();
#pragma warning restore CA2255

    /// <summary>
    /// Patches the bridge next to this application if, and only if, the running libstdc++ lacks
    /// GLIBCXX_3.4.32. Safe to call many times; returns the paths it patched (empty when none needed it).
    /// </summary>
    public static IReadOnlyList<string> EnsureApplied()
    {
        lock (Gate)
        {
            if (done || !OperatingSystem.IsLinux())
            {
                done = true;
                return [];
            }

            done = true;
            var libstdcxx = FindLibStdCxx();
            if (libstdcxx is null || DefinesVersion(libstdcxx, WeakenableVersion))
            {
                return [];
            }

            var patched = new List<string>();
            foreach (var bridge in BridgeCandidates())
            {
                if (PatchIfNeeded(bridge))
                {
                    patched.Add(bridge);
                }
            }

            return patched;
        }
    }

    /// <summary>
    /// Marks the GLIBCXX_3.4.32 requirement of the ELF file at <paramref name="path"/> weak. Returns false when
    /// the file has no such requirement or it is weak already.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    internal static bool PatchIfNeeded(string path)
    {
        var image = File.ReadAllBytes(path);
        var requirement = ElfVersionNeeds.Read(image, path)
            .Where(r => r.Version == WeakenableVersion && !r.IsWeak)
            .Cast<ElfVersionNeeds.Requirement?>()
            .FirstOrDefault();
        if (requirement is null)
        {
            return false;
        }

        ElfVersionNeeds.MarkWeak(image, requirement.Value);
        var temporary = path + ".patching-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, image);
        File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    /// <summary>True when the shared library at <paramref name="path"/> defines the symbol version.</summary>
    internal static bool DefinesVersion(string path, string version)
    {
        // A version definition's name sits NUL-terminated in .dynstr; a byte search is enough to tell
        // whether a libstdc++ provides it, since version names never occur there as substrings of others.
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0;
    }

    private static string? FindLibStdCxx()
    {
        const string maps = "/proc/self/maps";
        if (File.Exists(maps))
        {
            foreach (var line in File.ReadLines(maps))
            {
                var slash = line.IndexOf('/');
                if (slash >= 0 && line.Contains("libstdc++.so.6", StringComparison.Ordinal))
                {
                    return line[slash..].Trim();
                }
            }
        }

        string[] folders = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"];
        return folders.Select(f => Path.Combine(f, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    private static IEnumerable<string> BridgeCandidates()
    {
        var rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        string[] places =
        [
            Path.Combine(AppContext.BaseDirectory, BridgeFileName),
            Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native", BridgeFileName),
        ];
        return places.Where(File.Exists).Distinct();
    }
}
