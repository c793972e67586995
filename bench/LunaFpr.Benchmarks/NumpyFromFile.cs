using System.Diagnostics;
using System.Globalization;

namespace LunaFpr.Benchmarks;

/// <summary>
/// A <c>/usr/bin/python3</c> process that reads one raw int16 file with <c>numpy.fromfile</c> each time it is
/// asked, timing itself with <c>time.perf_counter</c> so that process start-up and the pipe are not counted.
/// Kept alive between reads so that its runs can be interleaved with LunaFpr's on a busy machine.
/// </summary>
internal sealed class NumpyFromFile : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, time
        import numpy as np
        path, count = sys.argv[1], int(sys.argv[2])
        a = np.fromfile(path, dtype='<i2', count=count)
        print(int(a.astype(np.int64).sum()), flush=True)
        for _ in sys.stdin:
            del a
            t = time.perf_counter()
            a = np.fromfile(path, dtype='<i2', count=count)
            print(repr((time.perf_counter() - t) * 1000), flush=True)
        """;

    private readonly Process process;

    private NumpyFromFile(Process process, long voxelSum)
    {
        this.process = process;
        VoxelSum = voxelSum;
    }

    /// <summary>Sum of all values of the first read, to check numpy saw the same voxels.</summary>
    public long VoxelSum { get; }

    /// <summary>
    /// Starts python on <paramref name="raw"/>; null, with the reason on stderr, when numpy cannot be loaded.
    /// </summary>
    public static NumpyFromFile? Start(string raw, long count)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-c", Script, raw, count.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var first = process.StandardOutput.ReadLine();
        if (first is null || !long.TryParse(first, CultureInfo.InvariantCulture, out var sum))
        {
            process.WaitForExit();
            Console.Error.WriteLine($"{Python} with numpy failed: {process.StandardError.ReadToEnd().Trim()}");
            Console.Error.WriteLine("Install numpy for it: apt-get update && apt-get install -y python3-numpy");
            process.Dispose();
            return null;
        }

        return new NumpyFromFile(process, sum);
    }

    /// <summary>Reads the file once more; returns the time numpy took, in ms.</summary>
    public double TimeOneRead()
    {
        process.StandardInput.WriteLine("go");
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"numpy stopped: {process.StandardError.ReadToEnd().Trim()}");
        return double.Parse(line, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        process.WaitForExit();
        process.Dispose();
    }
}
