using BenchmarkDotNet.Attributes;
using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;

namespace LunaFpr.Benchmarks;

/// <summary>
/// Reading the real 512 × 512 × 133 scan: raw .mhd + .raw (disk-bound bulk read), big-endian raw (adds a
/// vectorised byte swap), and the shared zlib .zraw (inflate-bound). Run with
/// <c>dotnet run -c Release --project bench/LunaFpr.Benchmarks -- --filter '*MetaImageRead*'</c>.
/// </summary>
[MemoryDiagnoser]
public class MetaImageReadBenchmarks
{
    private string folder = "";
    private string rawMhd = "";
    private string bigEndianMhd = "";

    [GlobalSetup]
    public void WriteScans()
    {
        folder = Directory.CreateTempSubdirectory("lunafpr-bench-mhd-").FullName;
        var scan = ScanFiles.Read(SharedData.RealScanMhd);
        rawMhd = Path.Combine(folder, "little.mhd");
        bigEndianMhd = Path.Combine(folder, "big.mhd");
        MetaImageWriter.Write(scan, rawMhd);
        var volume = new MetaImageVolume<short>(scan.Size, scan.Spacing, scan.Origin, scan.Direction, scan.Voxels);
        MetaImageWriter.Write(volume, bigEndianMhd, bigEndian: true);
    }

    [GlobalCleanup]
    public void DeleteScans() => Directory.Delete(folder, recursive: true);

    [Benchmark(Baseline = true)]
    public Scan RawLittleEndian() => ScanFiles.Read(rawMhd);

    [Benchmark]
    public Scan RawBigEndian() => ScanFiles.Read(bigEndianMhd);

    [Benchmark]
    public Scan Zlib() => ScanFiles.Read(SharedData.RealScanMhd);
}
