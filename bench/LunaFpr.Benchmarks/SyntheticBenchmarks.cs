using BenchmarkDotNet.Attributes;
using LunaFpr.Synthetic;

namespace LunaFpr.Benchmarks;

/// <summary>
/// Generating one small synthetic scan (256 × 256 × 72–96 voxels, rendered in HU with noise) and planning one
/// without rendering (what a resumed data set does for finished scans); the goal is well under a second a scan
/// so the demo's data is made in seconds. Run with
/// <c>dotnet run -c Release --project bench/LunaFpr.Benchmarks -- --filter '*Synthetic*'</c>.
/// </summary>
[MemoryDiagnoser]
public class SyntheticBenchmarks
{
    private static readonly SyntheticOptions Small = new() { Seed = 1, Scans = 4 };

    /// <summary>Scan index: the four scans differ in slice count and vessel count.</summary>
    [Params(0, 1, 2, 3)]
    public int Index { get; set; }

    [Benchmark(Baseline = true)]
    public SyntheticScan GenerateSmall() => PhantomGenerator.Generate(Small, Index);

    [Benchmark]
    public SyntheticScan DescribeSmall() => PhantomGenerator.Describe(Small, Index);
}
