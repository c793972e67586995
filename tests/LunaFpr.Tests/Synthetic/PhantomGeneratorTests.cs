using LunaFpr.Imaging;
using LunaFpr.Synthetic;

namespace LunaFpr.Tests.Synthetic;

/// <summary>Rendered phantoms: determinism, tissue values, nodule centres and geometry.</summary>
public sealed class PhantomGeneratorTests(SmallPhantoms phantoms) : IClassFixture<SmallPhantoms>
{
    [Fact]
    public void Generate_GivesTheSameBytesAndLists_ForTheSameSeed()
    {
        var again = PhantomGenerator.Generate(SmallPhantoms.Options, 2);
        var first = phantoms.Scans[2];

        Assert.Equal(first.Scan.Voxels, again.Scan.Voxels);
        Assert.Equal(first.Scan.Origin, again.Scan.Origin);
        Assert.Equal(first.Annotations, again.Annotations);
        Assert.Equal(first.Excluded, again.Excluded);
        Assert.Equal(first.Candidates, again.Candidates);
    }

    [Fact]
    public void Generate_GivesOtherScansAndLists_ForAnotherSeed()
    {
        var other = PhantomGenerator.Generate(SmallPhantoms.Options with { Seed = 12 }, 2);
        var first = phantoms.Scans[2];

        Assert.NotEqual(first.Scan.SeriesUid, other.Scan.SeriesUid);
        Assert.False(first.Scan.Voxels.AsSpan().SequenceEqual(other.Scan.Voxels));
        Assert.NotEqual(first.Candidates.Select(c => c.CenterWorldMm), other.Candidates.Select(c => c.CenterWorldMm));
    }

    [Fact]
    public void Describe_GivesTheRowsAndGeometryGenerateGives()
    {
        var described = PhantomGenerator.Describe(SmallPhantoms.Options, 3);
        var generated = phantoms.Scans[3];

        Assert.Equal(generated.Annotations, described.Annotations);
        Assert.Equal(generated.Excluded, described.Excluded);
        Assert.Equal(generated.Candidates, described.Candidates);
        Assert.Equal(generated.Scan.Origin, described.Scan.Origin);
        Assert.Equal(generated.Scan.Size, described.Scan.Size);
        Assert.All(described.Scan.Voxels, v => Assert.Equal(0, v));
    }

    [Fact]
    public void AnnotatedCentreVoxel_IsNoduleTissue_WellAboveLung()
    {
        var nodules = phantoms.Scans.SelectMany(s => s.Lesions
            .Where(l => l.Listing == LesionListing.Annotation)
            .Select(l => (Lesion: l, Hu: s.Scan[s.Scan.WorldToIndexZyx(l.CenterWorldMm)], s.NoiseSigmaHu)))
            .ToList();

        Assert.True(nodules.Count >= 5, $"only {nodules.Count} nodules in five scans");
        foreach (var (lesion, hu, sigma) in nodules)
        {
            // Core tissue ± texture (≤ 45 HU) ± four noise deviations.
            var tolerance = 45 + 4 * sigma;
            Assert.InRange(hu, lesion.CoreHu - tolerance, lesion.CoreHu + tolerance);
            Assert.True(hu > -650, $"{lesion.Kind} nodule centre at {hu} HU is too close to lung (-850 HU)");
        }
    }

    [Fact]
    public void Lungs_AreNearMinus850_AndAirOutsideIsMinus1000()
    {
        foreach (var (plan, scan) in phantoms.Plans.Zip(phantoms.Scans.Select(s => s.Scan)))
        {
            var lung = new List<short>();
            var air = new List<short>();
            var index = new VesselIndex(plan.Vessels.Pieces);
            foreach (var voxel in SampleVoxels(scan, 4000))
            {
                var world = scan.IndexToWorld(voxel);
                if (plan.Anatomy.LungSignedDistance(world) < -5 && index.WallDistance(world, 6) > 4
                    && plan.Lesions.All(l => Vector3D.Distance(l.Lesion.CenterWorldMm, world) > 25))
                {
                    lung.Add(scan[voxel]);
                }

                var section = plan.Anatomy.Section(world.Z);
                if (section.BodySignedDistance(world.X, world.Y, out _, out _) > 10 && world.Y < plan.Anatomy.CentreY)
                {
                    air.Add(scan[voxel]);
                }
            }

            Assert.InRange(Median(lung), -890, -810);
            Assert.True(lung.Count(hu => hu is > -1000 and < -700) > 0.95 * lung.Count, "lung voxels stray from -850");
            Assert.InRange(Median(air), -1002, -998);
        }
    }

    [Fact]
    public void FlippedScan_KeepsAnnotationsAtTheRightVoxel()
    {
        var plan = phantoms.Plans.First(p => p.Lesions.Any(l => l.Lesion.Listing == LesionListing.Annotation));
        var upright = plan with { Scan = ScanLayout.Reoriented(plan.Scan, false, false), NoiseSigmaHu = 0 };
        var flipped = plan with { Scan = ScanLayout.Reoriented(plan.Scan, true, true), NoiseSigmaHu = 0 };
        var a = PhantomGenerator.Render(upright);
        var b = PhantomGenerator.Render(flipped);

        Assert.Equal(-1, b.Direction[0, 0]);
        Assert.Equal(-1, b.Direction[1, 1]);
        var farCorner = new IndexZyx(0, b.Size.Y - 1, b.Size.X - 1);
        Assert.Equal(a.IndexToWorld(new IndexZyx(0, 0, 0)), b.IndexToWorld(farCorner));
        var size = a.Size;
        var worst = 0;
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    worst = Math.Max(worst, Math.Abs(a[z, y, x] - b[z, size.Y - 1 - y, size.X - 1 - x]));
                }
            }
        }

        Assert.True(worst <= 1, $"flipped rendering differs by {worst} HU from the mirrored upright one");
        foreach (var lesion in plan.Lesions.Select(l => l.Lesion).Where(l => l.Listing == LesionListing.Annotation))
        {
            var ia = a.WorldToIndexZyx(lesion.CenterWorldMm);
            var ib = b.WorldToIndexZyx(lesion.CenterWorldMm);
            Assert.Equal(new IndexZyx(ia.Z, size.Y - 1 - ia.Y, size.X - 1 - ia.X), ib);
            Assert.InRange(b[ib], lesion.CoreHu - 45, lesion.CoreHu + 45);
        }
    }

    [Fact]
    public void SmallScans_Are320Square_AtAboutOneMm()
    {
        foreach (var scan in phantoms.Scans.Select(s => s.Scan))
        {
            Assert.Equal((320, 320), (scan.Size.X, scan.Size.Y));
            Assert.InRange(scan.Size.Z, 72, 96);
            Assert.InRange(scan.Spacing.X, 1.0, 1.1);
            Assert.Equal(scan.Spacing.X, scan.Spacing.Y);
            Assert.Contains(scan.Spacing.Z, new[] { 1.5, 2.0, 2.5 }); // LUNA16 takes no slice over 2.5 mm
            Assert.Equal(1, scan.Direction[2, 2]);
        }
    }

    [Fact]
    public void RealisticScans_Use512Square_AndLuna16Spacing()
    {
        var options = new SyntheticOptions { Size = SyntheticSize.Realistic };
        foreach (var index in new[] { 0, 1 })
        {
            var scan = PhantomGenerator.Describe(options, index).Scan;

            Assert.Equal((512, 512), (scan.Size.X, scan.Size.Y));
            Assert.InRange(scan.Spacing.X, 0.5, 0.98);
            Assert.InRange(scan.Spacing.Z, 0.625, 2.5);
            Assert.InRange(scan.Size.Z * scan.Spacing.Z, 270, 370);
            Assert.StartsWith("1.3.6.1.4.1.55555.2.0.", scan.SeriesUid);
        }
    }

    private static IEnumerable<IndexZyx> SampleVoxels(Scan scan, int count)
    {
        var random = new Random(1);
        for (var i = 0; i < count; i++)
        {
            yield return new IndexZyx(random.Next(scan.Size.Z), random.Next(scan.Size.Y), random.Next(scan.Size.X));
        }
    }

    private static double Median(List<short> values)
    {
        Assert.NotEmpty(values);
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
