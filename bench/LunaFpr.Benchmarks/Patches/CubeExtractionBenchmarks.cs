using BenchmarkDotNet.Attributes;
using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Benchmarks.Patches;

/// <summary>
/// Cutting 26 × 40 × 40 int16 cubes from a synthetic 512 × 512 × 133 scan (the real scan's size), 256 cubes per
/// operation at seeded random centres, about a tenth of them crossing a face; and turning cubes into the lung
/// channel. Run: <c>dotnet run -c Release --project bench/LunaFpr.Benchmarks -- --filter '*CubeExtraction*'</c>.
/// </summary>
[MemoryDiagnoser]
public class CubeExtractionBenchmarks
{
    private const int CubesPerOperation = 256;
    private readonly CubeShape shape = CubeShape.Default;
    private Scan scan = null!;
    private IndexZyx[] centres = [];
    private short[] cube = [];
    private float[] channels = [];

    [GlobalSetup]
    public void Setup()
    {
        var size = new VolumeSize(512, 512, 133);
        var voxels = new short[size.VoxelCount];
        var random = new Random(3);
        for (var i = 0; i < voxels.Length; i++)
        {
            voxels[i] = (short)random.Next(-1024, 1500);
        }

        scan = new Scan("bench", size, new Vector3D(0.7, 0.7, 2.5), default, Direction.Identity, voxels);
        centres = RealScan.RandomCentres(scan, CubesPerOperation, seed: 1);
        cube = new short[shape.VoxelCount];
        channels = new float[CubeChannels.Default.ValueCount];
    }

    [Benchmark(OperationsPerInvoke = CubesPerOperation, Baseline = true)]
    public short Extract()
    {
        foreach (var centre in centres)
        {
            CubeExtractor.Extract(scan, centre, shape, cube);
        }

        return cube[0];
    }

    [Benchmark(OperationsPerInvoke = CubesPerOperation)]
    public short ExtractWithPrefetchOfTheNext()
    {
        for (var i = 0; i < centres.Length; i++)
        {
            CubeExtractor.Extract(scan, centres[i], shape, cube, i + 1 < centres.Length ? centres[i + 1] : null);
        }

        return cube[0];
    }

    [Benchmark(OperationsPerInvoke = CubesPerOperation)]
    public float ExtractAndLungWindow()
    {
        foreach (var centre in centres)
        {
            CubeExtractor.Extract(scan, centre, shape, cube);
            CubeChannels.Default.Fill(cube, channels);
        }

        return channels[0];
    }
}
