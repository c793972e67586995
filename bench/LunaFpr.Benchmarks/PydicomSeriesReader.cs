using System.Diagnostics;
using System.Globalization;

namespace LunaFpr.Benchmarks;

/// <summary>
/// A <c>/usr/bin/python3</c> process that reads one DICOM series with pydicom + numpy each time it is asked:
/// every file read (non-DICOM skipped), slices sorted by position along the normal, stacked, slope and
/// intercept applied into int16, as the widely copied LUNA16 preprocessing does. It times itself (wall and
/// process CPU), so start-up and the pipe are not counted, and stays alive so that its reads can be
/// interleaved with LunaFpr's on a busy machine.
/// </summary>
internal sealed class PydicomSeriesReader : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import os, sys, time
        import numpy as np
        import pydicom
        from pydicom.errors import InvalidDicomError

        def read(folder):
            slices = []
            for name in sorted(os.listdir(folder)):
                try:
                    slices.append(pydicom.dcmread(os.path.join(folder, name)))
                except InvalidDicomError:
                    pass
            iop = np.array(slices[0].ImageOrientationPatient, dtype=np.float64)
            normal = np.cross(iop[:3], iop[3:])
            slices.sort(key=lambda s: float(np.dot(normal, np.array(s.ImagePositionPatient, dtype=np.float64))))
            image = np.stack([s.pixel_array for s in slices]).astype(np.int16)
            for z, s in enumerate(slices):
                slope, intercept = float(s.RescaleSlope), float(s.RescaleIntercept)
                if slope != 1:
                    image[z] = np.rint(slope * image[z].astype(np.float64)).astype(np.int16)
                image[z] += np.int16(intercept)
            return image

        folder = sys.argv[1]
        volume = read(folder)
        print(int(volume.astype(np.int64).sum()), flush=True)
        for _ in sys.stdin:
            del volume
            wall, cpu = time.perf_counter(), time.process_time()
            volume = read(folder)
            print(repr((time.perf_counter() - wall) * 1000), repr((time.process_time() - cpu) * 1000), flush=True)
        """;

    private readonly Process process;

    private PydicomSeriesReader(Process process, long voxelSum)
    {
        this.process = process;
        VoxelSum = voxelSum;
    }

    /// <summary>Sum of all voxels of the first (warm-up) read, to check pydicom saw the same volume.</summary>
    public long VoxelSum { get; }

    /// <summary>Starts python on <paramref name="folder"/>; null, with the reason on stderr, when it fails.</summary>
    public static PydicomSeriesReader? Start(string folder)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-c", Script, folder })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var first = process.StandardOutput.ReadLine();
        if (first is null || !long.TryParse(first, CultureInfo.InvariantCulture, out var sum))
        {
            process.WaitForExit();
            Console.Error.WriteLine($"{Python} with pydicom failed: {process.StandardError.ReadToEnd().Trim()}");
            Console.Error.WriteLine(
                "Install the reference for it: apt-get update && apt-get install -y python3-pydicom python3-numpy");
            process.Dispose();
            return null;
        }

        return new PydicomSeriesReader(process, sum);
    }

    /// <summary>Reads the series once more; returns the wall and process CPU time pydicom took, in ms.</summary>
    public (double WallMs, double CpuMs) TimeOneRead()
    {
        process.StandardInput.WriteLine("go");
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"pydicom stopped: {process.StandardError.ReadToEnd().Trim()}");
        var parts = line.Split(' ');
        return (
            double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        process.WaitForExit();
        process.Dispose();
    }
}
