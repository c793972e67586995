using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="IPatchSource"/> of 26 × 40 × 40 cubes: lung-like background (−800 HU) with noise,
/// holding a bright sphere (a nodule: resampled or original positive) or a bright tube through the centre
/// (a vessel: negative). Same seed, same cubes.
/// </summary>
internal sealed class SyntheticPatchSource : IPatchSource
{
    private const float BackgroundHu = -800f;
    private const float TissueHu = 40f;
    private const float NoiseHu = 80f;

    private readonly List<short[]> cubes = [];
    private readonly List<PatchEntry> entries = [];

    /// <param name="subsets">The subsets to fill.</param>
    /// <param name="resampled">Resampled positives (spheres) per subset.</param>
    /// <param name="original">Original positives (spheres) per subset.</param>
    /// <param name="negatives">Negatives (tubes) per subset.</param>
    /// <param name="seed">Seeds shapes, positions and noise.</param>
    public SyntheticPatchSource(IEnumerable<int> subsets, int resampled, int original, int negatives, int seed = 1)
    {
        var random = new Random(seed);
        foreach (var subset in subsets)
        {
            Add(subset, PatchKind.ResampledPositive, resampled, random);
            Add(subset, PatchKind.OriginalPositive, original, random);
            Add(subset, PatchKind.Negative, negatives, random);
        }
    }

    public CubeShape CubeShape => CubeShape.Default;

    public IReadOnlyList<PatchEntry> Entries => entries;

    public int ReadCount;

    public void ReadCube(int entryIndex, Span<short> destination)
    {
        Interlocked.Increment(ref ReadCount);
        cubes[entryIndex].CopyTo(destination);
    }

    private void Add(int subset, PatchKind kind, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var uid = $"1.2.826.0.{subset}.{entries.Count}";
            var center = new Vector3D(random.Next(-100, 100), random.Next(-100, 100), random.Next(-300, 0));
            entries.Add(new PatchEntry(uid, subset, kind, center, new IndexZyx(13, 20, 20)));
            cubes.Add(kind == PatchKind.Negative ? Tube(random) : Sphere(random));
        }
    }

    private static short[] Sphere(Random random)
    {
        var radius = 3 + 3 * random.NextDouble();
        var (cz, cy, cx) = (13 + Jitter(random), 20 + Jitter(random), 20 + Jitter(random));
        return Render(random, (z, y, x) =>
            Math.Sqrt((z - cz) * (z - cz) + (y - cy) * (y - cy) + (x - cx) * (x - cx)) <= radius);
    }

    // A cylinder of radius 2 … 3 through the centre along a random direction: bright like a nodule, but long.
    private static short[] Tube(Random random)
    {
        var radius = 2 + random.NextDouble();
        var (dz, dy, dx) = (random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        var length = Math.Sqrt(dz * dz + dy * dy + dx * dx) + 1e-9;
        (dz, dy, dx) = (dz / length, dy / length, dx / length);
        var (cz, cy, cx) = (13 + Jitter(random), 20 + Jitter(random), 20 + Jitter(random));
        return Render(random, (z, y, x) =>
        {
            var (pz, py, px) = (z - cz, y - cy, x - cx);
            var along = pz * dz + py * dy + px * dx;
            var distanceSquared = pz * pz + py * py + px * px - along * along;
            return distanceSquared <= radius * radius;
        });
    }

    private static short[] Render(Random random, Func<double, double, double, bool> inside)
    {
        var shape = CubeShape.Default;
        var cube = new short[shape.VoxelCount];
        var i = 0;
        for (var z = 0; z < shape.Z; z++)
        {
            for (var y = 0; y < shape.Y; y++)
            {
                for (var x = 0; x < shape.X; x++)
                {
                    var hu = (inside(z, y, x) ? TissueHu : BackgroundHu) + NoiseHu * Gaussian(random);
                    cube[i++] = (short)Math.Clamp(hu, -1024f, 3000f);
                }
            }
        }

        return cube;
    }

    private static int Jitter(Random random) => random.Next(-2, 3);

    private static float Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        return (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
    }
}
