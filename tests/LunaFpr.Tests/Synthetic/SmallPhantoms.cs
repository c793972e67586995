using LunaFpr.Synthetic;

namespace LunaFpr.Tests.Synthetic;

/// <summary>
/// Five small phantoms of seed 11 rendered once and shared by the tests that look at voxels (a few seconds),
/// with their plans for the anatomy's own idea of where lungs and vessels are.
/// </summary>
public sealed class SmallPhantoms
{
    public static readonly SyntheticOptions Options = new() { Seed = 11, Scans = 5 };

    public SmallPhantoms()
    {
        Plans = Enumerable.Range(0, Options.Scans).AsParallel().AsOrdered()
            .Select(i => PhantomGenerator.Plan(Options, i)).ToList();
        Scans = Plans.Select(p => p.Describe(PhantomGenerator.Render(p))).ToList();
    }

    internal IReadOnlyList<PhantomPlan> Plans { get; }

    public IReadOnlyList<SyntheticScan> Scans { get; }
}
