using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using LunaFpr.Imaging;

namespace LunaFpr.Benchmarks.Patches;

/// <summary>
/// The original's numpy way of cutting cubes, running in a <c>/usr/bin/python3</c> process that holds the same scan
/// and centres; each <see cref="RunRound"/> cuts every centre once and returns cubes per second.
/// </summary>
internal sealed class NumpyCubeCutter : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process process;
    private readonly DirectoryInfo folder;

    private NumpyCubeCutter(Process process, DirectoryInfo folder)
    {
        this.process = process;
        this.folder = folder;
    }

    /// <summary>Starts the reference, or returns null with the reason when python3 or numpy is missing.</summary>
    public static NumpyCubeCutter? Start(Scan scan, IndexZyx[] centres, out string? whyNot)
    {
        whyNot = null;
        if (!File.Exists(Python))
        {
            whyNot = $"{Python} not found";
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("lunafpr-bench-");
        var raw = Path.Combine(folder.FullName, "scan.raw");
        File.WriteAllBytes(raw, MemoryMarshal.AsBytes(scan.Voxels.AsSpan()).ToArray());
        var centresPath = Path.Combine(folder.FullName, "centres.txt");
        File.WriteAllLines(centresPath, centres.Select(c => $"{c.Z} {c.Y} {c.X}"));
        var script = Path.Combine(AppContext.BaseDirectory, "Patches", "cubes_numpy.py");
        var start = new ProcessStartInfo(Python,
            [script, raw, $"{scan.Size.Z}", $"{scan.Size.Y}", $"{scan.Size.X}", centresPath])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        if (process.StandardOutput.ReadLine() != "ready")
        {
            whyNot = process.StandardError.ReadToEnd().Trim();
            process.WaitForExit();
            process.Dispose();
            folder.Delete(recursive: true);
            return null;
        }

        return new NumpyCubeCutter(process, folder);
    }

    /// <summary>Cuts every centre once; cubes per second of wall time and of the process's CPU time.</summary>
    public CubeRate RunRound()
    {
        process.StandardInput.WriteLine("run");
        process.StandardInput.Flush();
        var rates = process.StandardOutput.ReadLine()!.Split(' ')
            .Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        return new CubeRate(rates[0], rates[1]);
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        process.WaitForExit();
        process.Dispose();
        folder.Delete(recursive: true);
    }
}
