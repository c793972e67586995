using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// Fills a <see cref="PhantomCanvas"/> with the chest's base tissues, voxel by voxel from each voxel's world
/// position: air, table, skin, subcutaneous fat, muscle, mediastinum, heart, aorta, liver, lungs with texture,
/// airways, spine and sternum. Ribs, vessels and lesions are painted over it afterwards.
/// </summary>
internal sealed class AnatomyRenderer
{
    private const double SkinMm = 1.5;
    private readonly ChestAnatomy anatomy;
    private readonly PhantomCanvas canvas;
    private readonly TissueValues hu;
    private readonly ValueNoise lungTexture;
    private readonly ValueNoise fineTexture;
    private readonly ValueNoise softTexture;
    private readonly Vector3D carina;
    private readonly TubeSegment rightBronchus;
    private readonly TubeSegment leftBronchus;

    public AnatomyRenderer(ChestAnatomy anatomy, PhantomCanvas canvas)
    {
        this.anatomy = anatomy;
        this.canvas = canvas;
        hu = anatomy.Hu;
        lungTexture = new ValueNoise(anatomy.TextureSeed, 9);
        fineTexture = new ValueNoise(anatomy.TextureSeed + 1, Math.Max(3, canvas.RampMm * 1.2));
        softTexture = new ValueNoise(anatomy.TextureSeed + 2, 7);
        carina = anatomy.Carina;
        rightBronchus = anatomy.MainBronchus(-1);
        leftBronchus = anatomy.MainBronchus(+1);
    }

    /// <summary>Renders every slice of the canvas; slices in parallel, which is safe and deterministic because
    /// each voxel is a pure function of its world position.</summary>
    public void Render() => Parallel.For(0, canvas.Scan.Size.Z, RenderSlice);

    private void RenderSlice(int z)
    {
        var scan = canvas.Scan;
        var size = scan.Size;
        var section = anatomy.Section(scan.IndexToWorld(new IndexZyx(z, 0, 0)).Z);
        for (var y = 0; y < size.Y; y++)
        {
            var rowStart = scan.IndexToWorld(new IndexZyx(z, y, 0));
            var step = scan.IndexToWorld(new IndexZyx(z, y, 1)) - rowStart;
            var row = ((long)z * size.Y + y) * size.X;
            for (var x = 0; x < size.X; x++)
            {
                canvas.Hu[row + x] = (float)Shade(section, rowStart + step * x);
            }
        }
    }

    private double Shade(in ChestSection s, Vector3D p)
    {
        var value = Table(s, p, TissueValues.Air);
        var body = s.BodySignedDistance(p.X, p.Y, out var anteriorness, out var laterality);
        if (body > canvas.RampMm)
        {
            return value;
        }

        var fatMm = anatomy.FatMm * (1 + 0.35 * anteriorness + 0.25 * laterality);
        var fat = hu.Fat + 12 * softTexture.Sample(p.X, p.Y, p.Z);
        value = Blend(value, hu.Muscle - 10, body);
        value = Blend(value, fat, body + SkinMm);
        value = Blend(value, hu.Muscle, body + SkinMm + fatMm);

        var cavity = s.CavitySignedDistance(p.X, p.Y);
        if (cavity < canvas.RampMm)
        {
            var heart = s.HeartSignedDistance(p.X, p.Y);
            value = Blend(value, CavityContent(s, p), cavity);
            value = Mediastinum(s, p, heart, value);
            value = Lungs(s, p, s.LungSignedDistance(p.X, p.Y, p.Z, cavity, heart), value);
            value = Airways(p, value);
        }

        value = Spine(s, p, value);
        return Sternum(s, p, value);
    }

    /// <summary>What fills the cavity apart from lungs: liver below the diaphragm, mediastinal fat above.</summary>
    private double CavityContent(in ChestSection s, Vector3D p)
    {
        if (s.RelativeHeight < 0.02 || p.Z < s.DiaphragmZ(p.X, p.Y))
        {
            return p.X < s.MidlineX ? hu.Liver : hu.Liver - 12;
        }

        var mediastinalFat = -50 + 35 * softTexture.Sample(p.X, p.Y, p.Z);
        var neck = Math.Clamp((s.RelativeHeight - 0.85) / 0.15, 0, 1); // above the apices: soft tissue of the neck
        return mediastinalFat + (hu.Muscle - 10 - mediastinalFat) * neck;
    }

    private double Mediastinum(in ChestSection s, Vector3D p, double heart, double value)
    {
        value = Blend(value, hu.Fat, heart - 3);
        value = Blend(value, hu.Blood, heart);
        if (s.HasAorta)
        {
            value = Blend(value, hu.Blood,
                ChestSection.Distance(p.X, p.Y, s.AortaX, s.AortaY) - anatomy.AortaRadiusMm);
        }

        if (s.RelativeHeight is > 0.45 and < 0.8)
        {
            var ascendingX = s.MidlineX - 14;
            var ascendingY = anatomy.CentreY - 0.3 * s.CavityAnteriorMm;
            value = Blend(value, hu.Blood,
                ChestSection.Distance(p.X, p.Y, ascendingX, ascendingY) - anatomy.AortaRadiusMm * 1.25);
        }

        return value;
    }

    private double Lungs(in ChestSection s, Vector3D p, double lung, double value)
    {
        if (lung >= canvas.RampMm)
        {
            return value;
        }

        var dependent = Math.Clamp((p.Y - anatomy.CentreY) / anatomy.CavityPosteriorMm, -1, 1);
        var parenchyma = hu.Lung + 28 * dependent
            + 22 * lungTexture.Sample(p.X, p.Y, p.Z) + 14 * fineTexture.Sample(p.X, p.Y, p.Z);
        return Blend(value, parenchyma, lung);
    }

    private double Airways(Vector3D p, double value)
    {
        var airway = 1e3;
        if (p.Z >= carina.Z)
        {
            airway = ChestSection.Distance(p.X, p.Y, carina.X, carina.Y) - anatomy.TracheaRadiusMm;
        }

        if (Math.Abs(p.Z - carina.Z + 15) < 40)
        {
            airway = Math.Min(airway, rightBronchus.SurfaceDistance(p));
            airway = Math.Min(airway, leftBronchus.SurfaceDistance(p));
        }

        if (airway > 2 + canvas.RampMm)
        {
            return value;
        }

        value = Blend(value, hu.Muscle - 5, airway - 1.5);
        return Blend(value, TissueValues.Air, airway);
    }

    private double Spine(in ChestSection s, Vector3D p, double value)
    {
        var radius = anatomy.VertebraRadiusMm;
        var body = ChestSection.Distance(p.X, p.Y, s.SpineX, s.SpineY) - radius;
        var canalY = s.SpineY + radius + 8;
        var canal = ChestSection.Distance(p.X, p.Y, s.SpineX, canalY);
        if (body > canvas.RampMm && canal > 16 + canvas.RampMm && !InSpinousProcess(s, p, canalY))
        {
            return value;
        }

        var disc = PositiveModulo(p.Z + anatomy.TextureSeed % 97, 27) < 5.5;
        var core = disc ? 90 : hu.BoneMarrow;
        var rim = disc ? 90 : hu.BoneCortex * 0.75;
        value = Blend(value, rim, body);
        value = Blend(value, core, body + 2);
        if (p.Y > canalY - 4)
        {
            value = Blend(value, hu.BoneCortex * 0.6, canal - 13.5);
        }

        value = Blend(value, 15, canal - 7);
        var spinous = (p.X - s.SpineX) / 5.5 * ((p.X - s.SpineX) / 5.5)
            + (p.Y - canalY - 22) / 12 * ((p.Y - canalY - 22) / 12);
        return Blend(value, hu.BoneCortex * 0.6, (Math.Sqrt(spinous) - 1) * 5.5);
    }

    private static bool InSpinousProcess(in ChestSection s, Vector3D p, double canalY) =>
        Math.Abs(p.X - s.SpineX) < 8 && p.Y > canalY && p.Y < canalY + 36;

    private double Sternum(in ChestSection s, Vector3D p, double value)
    {
        if (s.RelativeHeight is < 0.3 or > 0.98)
        {
            return value;
        }

        var centreY = anatomy.CentreY - s.CavityAnteriorMm - 7;
        var u = (p.X - s.MidlineX) / 15;
        var v = (p.Y - centreY) / 5.5;
        var distance = (Math.Sqrt(u * u + v * v) - 1) * 5.5;
        value = Blend(value, hu.BoneCortex * 0.7, distance);
        return Blend(value, hu.BoneMarrow, distance + 1.5);
    }

    /// <summary>The patient table: two thin curved shells under the back.</summary>
    private double Table(in ChestSection s, Vector3D p, double value)
    {
        var dx = p.X - anatomy.CentreX;
        if (Math.Abs(dx) > anatomy.HalfWidthMm * 1.1)
        {
            return value;
        }

        var top = anatomy.CentreY + anatomy.PosteriorDepthMm + anatomy.TableGapMm + 0.0009 * dx * dx;
        value = Blend(value, 120, Math.Abs(p.Y - top - 1.5) - 1.5);
        return Blend(value, 250, Math.Abs(p.Y - top - 32) - 1.2);
    }

    private double Blend(double value, double tissue, double signedDistanceMm) =>
        value + (tissue - value) * canvas.Coverage(signedDistanceMm);

    private static double PositiveModulo(double a, double m) => a - m * Math.Floor(a / m);
}
