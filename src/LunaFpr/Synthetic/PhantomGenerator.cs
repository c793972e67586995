using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// Generates synthetic scan <c>i</c> of a data set: a chest CT phantom in HU (body, fat, muscle, ribs, spine,
/// heart, lungs with textured parenchyma, branching vessel trees, airways, scanner noise) with nodules and
/// other findings, and a detector-like candidate list. Scan <c>i</c> depends only on (seed, size, i), drawn
/// from its own seeded random streams, so scans can be made in parallel and in any order with equal bytes.
/// </summary>
public static class PhantomGenerator
{
    private const int PlanStream = 0;
    private const int NoiseStream = 1;

    /// <summary>Plans and renders scan <paramref name="index"/> of the data set <paramref name="options"/>.</summary>
    public static SyntheticScan Generate(SyntheticOptions options, int index)
    {
        var plan = Plan(options, index);
        return plan.Describe(Render(plan));
    }

    /// <summary>
    /// The list rows and geometry of scan <paramref name="index"/> without rendering it: its <c>Scan</c> has the
    /// right geometry and all voxels 0. Equal to <see cref="Generate"/>'s rows, in a fraction of the time.
    /// </summary>
    public static SyntheticScan Describe(SyntheticOptions options, int index)
    {
        var plan = Plan(options, index);
        return plan.Describe(plan.Scan);
    }

    internal static PhantomPlan Plan(SyntheticOptions options, int index)
    {
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Random(SyntheticIdentity.StreamSeed(options.Seed, options.Size, index, PlanStream));
        var uid = SyntheticIdentity.SeriesUid(options.Seed, options.Size, index);

        var scan = ScanLayout.Create(uid, options.Size, random);
        var (min, max) = ScanLayout.WorldBox(scan);
        var anatomy = ChestAnatomy.Draw(random, min, max);
        var ribs = RibCage.Build(anatomy, random);
        var small = options.Size == SyntheticSize.Small;
        var vessels = VesselTree.Grow(anatomy, random, small ? 0.5 : 0.45, small ? 12000 : 30000);
        var vesselIndex = new VesselIndex(vessels.Pieces);

        var lesions = new LesionPlanner(anatomy, vessels, vesselIndex, scan, random).Plan();
        var negatives = small ? random.Next(30, 81) : random.Next(60, 161);
        var candidates = new CandidatePlanner(anatomy, vessels, vesselIndex,
            lesions.Select(l => l.Lesion).ToList(), scan, random).Plan(negatives);
        var sigma = random.Uniform(20, 40);
        return new PhantomPlan(scan, SyntheticIdentity.Subset(index), anatomy, ribs, vessels, lesions, candidates,
            sigma, SyntheticIdentity.StreamSeed(options.Seed, options.Size, index, NoiseStream));
    }

    /// <summary>Renders a plan into its scan's voxels: anatomy, ribs, vessels, lesions, then noise.</summary>
    internal static Scan Render(PhantomPlan plan)
    {
        var canvas = new PhantomCanvas(plan.Scan);
        new AnatomyRenderer(plan.Anatomy, canvas).Render();

        var hu = plan.Anatomy.Hu;
        var bone = new TubeTissue(hu.BoneMarrow, hu.BoneCortex, 1.5);
        foreach (var rib in plan.Ribs)
        {
            TubeBrush.Paint(canvas, rib, bone);
        }

        var blood = TubeTissue.Uniform(hu.Blood);
        foreach (var piece in plan.Vessels.Pieces)
        {
            TubeBrush.Paint(canvas, piece.Tube, blood);
        }

        foreach (var (lesion, shape) in plan.Lesions)
        {
            LesionBrush.Paint(canvas, lesion, shape);
        }

        ScannerNoise.Apply(canvas.Hu, plan.Scan.Voxels, plan.NoiseSigmaHu, new Random(plan.NoiseSeed));
        return plan.Scan;
    }
}
