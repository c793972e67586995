namespace LunaFpr.Synthetic;

/// <summary>
/// The geometry of a <see cref="ChestAnatomy"/> at one axial level z: outlines of body, thoracic cavity, lungs,
/// heart, spine and great vessels as signed distances in mm (negative inside), so that a renderer can draw
/// every boundary with a partial-volume ramp and planners can ask "is this point in a lung?".
/// </summary>
/// <remarks>Distances along a ray from an outline's centre stand in for true normal distances; close enough
/// for ramps a voxel wide and for keeping things a few mm apart.</remarks>
internal readonly struct ChestSection
{
    private readonly ChestAnatomy a;
    private readonly double bodyScale;
    private readonly Harmonics bodyOutline;
    private readonly double heartScale;

    public ChestSection(ChestAnatomy anatomy, double z)
    {
        a = anatomy;
        Z = z;
        RelativeHeight = (z - anatomy.LungBottomZ) / anatomy.LungHeightMm;
        bodyScale = 1 + 0.025 * Math.Sin(z / 45);
        bodyOutline = anatomy.BodyOutline.Twisted(z * 0.004);

        CavityScale = CavityProfile(RelativeHeight);
        CavityHalfWidthMm = a.CavityHalfWidthMm * CavityScale;
        var depthScale = 0.6 + 0.4 * CavityScale;
        CavityAnteriorMm = (a.AnteriorDepthMm - a.AnteriorWallMm) * depthScale;
        CavityPosteriorMm = a.CavityPosteriorMm * depthScale;
        ApexScale = ApexProfile(RelativeHeight);

        MidlineX = a.MidlineX;
        SpineX = MidlineX;
        SpineY = a.SpineY;
        (AortaX, AortaY) = a.Aorta;
        var t = (z - a.HeartCentre.Z) / a.HeartSemiAxesMm.Z;
        heartScale = Math.Abs(t) < 1 ? Math.Sqrt(1 - t * t) : 0;
    }

    public double Z { get; }

    /// <summary>(z − lung bottom) / lung height: 0 at the lowest lung point, 1 at the apices.</summary>
    public double RelativeHeight { get; }

    /// <summary>Cavity width relative to its widest; the thoracic inlet above the apices stays fairly wide.</summary>
    public double CavityScale { get; }

    /// <summary>Each lung's size relative to its full size: 1 up to 60 % of the height, 0 at its apex.</summary>
    public double ApexScale { get; }

    public double CavityHalfWidthMm { get; }
    public double CavityAnteriorMm { get; }
    public double CavityPosteriorMm { get; }
    public double MidlineX { get; }
    public double SpineX { get; }
    public double SpineY { get; }
    public double AortaX { get; }
    public double AortaY { get; }

    /// <summary>True above the diaphragm's lowest point and below the apices.</summary>
    public bool HasLungs => RelativeHeight is > 0 and < 1;

    /// <summary>True where the descending aorta runs (below the arch).</summary>
    public bool HasAorta => RelativeHeight < 0.8;

    /// <summary>Signed distance to the skin; <paramref name="anteriorness"/> is −sin of the outline angle
    /// (1 straight in front, −1 behind) and <paramref name="laterality"/> |cos| of it.</summary>
    public double BodySignedDistance(double x, double y, out double anteriorness, out double laterality)
    {
        var sd = OutlineDistance(x - a.CentreX, y - a.CentreY, a.HalfWidthMm * bodyScale,
            a.AnteriorDepthMm * bodyScale, a.PosteriorDepthMm * bodyScale, bodyOutline, out var cos, out var sin);
        anteriorness = -sin;
        laterality = Math.Abs(cos);
        return sd;
    }

    /// <summary>Signed distance to the inner chest wall (pleura, diaphragm excluded).</summary>
    public double CavitySignedDistance(double x, double y)
    {
        return OutlineDistance(x - a.CentreX, y - a.CentreY, CavityHalfWidthMm, CavityAnteriorMm,
            CavityPosteriorMm, a.CavityOutline, out _, out _);
    }

    /// <summary>Signed distance to the nearer lung: the cavity minus mediastinum, heart, spine, aorta and
    /// everything under the diaphragm.</summary>
    public double LungSignedDistance(double x, double y, double z) =>
        HasLungs ? LungSignedDistance(x, y, z, CavitySignedDistance(x, y), HeartSignedDistance(x, y)) : 1e3;

    /// <summary>As <see cref="LungSignedDistance(double, double, double)"/>, reusing the cavity and heart
    /// distances a renderer has already computed for this point.</summary>
    public double LungSignedDistance(double x, double y, double z, double cavitySd, double heartSd)
    {
        if (!HasLungs)
        {
            return 1e3;
        }

        var sd = Math.Max(cavitySd, MediastinumHalfWidth(y) - Math.Abs(x - MidlineX));
        sd = Math.Max(sd, a.VertebraRadiusMm + 9 - Distance(x, y, SpineX, SpineY));
        if (HasAorta)
        {
            sd = Math.Max(sd, a.AortaRadiusMm + 4 - Distance(x, y, AortaX, AortaY));
        }

        sd = Math.Max(sd, 3 - heartSd);
        sd = Math.Max(sd, ApexDistance(x, y));
        return Math.Max(sd, DiaphragmZ(x, y) - z);
    }

    /// <summary>Half-width of the mediastinum at world y: widest a little in front of the centre (heart, great
    /// vessels, trachea), narrow where the lungs nearly meet behind the sternum and in front of the spine.</summary>
    public double MediastinumHalfWidth(double y)
    {
        var depth = y < a.CentreY ? CavityAnteriorMm : CavityPosteriorMm;
        var t = (y - a.CentreY) / Math.Max(depth, 1) + 0.1;
        var widest = a.MediastinumWidestMm * (RelativeHeight < 0.6 ? 1 : 1.3 - 0.5 * RelativeHeight);
        return a.MediastinumNarrowestMm + (widest - a.MediastinumNarrowestMm) * Math.Exp(-t * t * t * t / 0.12);
    }

    /// <summary>Signed distance to the heart's outline at this level (1e3 where the heart is absent).</summary>
    public double HeartSignedDistance(double x, double y)
    {
        if (heartScale <= 0.05)
        {
            return 1e3;
        }

        var h = a.HeartSemiAxesMm;
        return OutlineDistance(x - a.HeartCentre.X, y - a.HeartCentre.Y, h.X * heartScale, h.Y * heartScale,
            h.Y * heartScale * 0.9, default, out _, out _);
    }

    /// <summary>World z (mm) of the lung base at (x, y): domes under each lung, the back recess lowest.</summary>
    public double DiaphragmZ(double x, double y)
    {
        var right = x < MidlineX; // the patient's right is −x
        var cavityHalfWidth = a.CavityHalfWidthMm;
        var domeX = MidlineX + (right ? -0.5 : 0.5) * cavityHalfWidth;
        var domeY = a.CentreY - 0.1 * a.PosteriorDepthMm;
        var rx = (x - domeX) / (0.5 * cavityHalfWidth);
        var ry = (y - domeY) / (0.8 * a.CavityPosteriorMm);
        var dome = (right ? a.RightDomeMm : a.LeftDomeMm) * Math.Pow(Math.Max(0, 1 - rx * rx - ry * ry), 0.75);
        var front = Math.Clamp(-(y - a.CentreY) / a.AnteriorDepthMm, 0, 1);
        return a.LungBottomZ + dome + 0.08 * a.LungHeightMm * front;
    }

    public static double Distance(double x0, double y0, double x1, double y1)
    {
        var dx = x0 - x1;
        var dy = y0 - y1;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>
    /// Signed distance to the outline of the lung on this side shrunk by <see cref="ApexScale"/> about its own
    /// centre, so each lung closes to a rounded apex over its own half of the chest, not at the midline.
    /// </summary>
    private double ApexDistance(double x, double y)
    {
        if (ApexScale >= 1)
        {
            return -1e3;
        }

        var side = x < MidlineX ? -1 : 1;
        var centreX = MidlineX + side * 0.5 * CavityHalfWidthMm;
        var centreY = a.CentreY + 0.15 * CavityPosteriorMm;
        var halfWidth = Math.Max(0.55 * CavityHalfWidthMm * ApexScale, 0.5);
        var depth = Math.Max(0.9 * CavityPosteriorMm * ApexScale, 0.5);
        return OutlineDistance(x - centreX, y - centreY, halfWidth, depth, depth, default, out _, out _);
    }

    /// <summary>The chest is widest 30 % of the way up the lungs and narrows towards the thoracic inlet.</summary>
    private static double CavityProfile(double h)
    {
        if (h <= 0.3)
        {
            return 0.93 + 0.07 * Math.Max(h, 0) / 0.3;
        }

        return Math.Max(0.55, 1 - 0.45 * (h - 0.3) / 0.7);
    }

    private static double ApexProfile(double h)
    {
        if (h <= 0.55)
        {
            return 1;
        }

        var t = Math.Min((h - 0.55) / 0.45, 1);
        return Math.Sqrt(1 - t * t);
    }

    /// <summary>Ray distance from an ellipse-like outline with different front and back depths.</summary>
    private static double OutlineDistance(double u, double v, double halfWidth, double anterior, double posterior,
        Harmonics wobble, out double cos, out double sin)
    {
        var depth = v < 0 ? anterior : posterior;
        var nu = u / halfWidth;
        var nv = v / depth;
        var rho = Math.Sqrt(nu * nu + nv * nv);
        if (rho < 1e-9)
        {
            cos = 1;
            sin = 0;
            return -Math.Min(halfWidth, depth);
        }

        cos = nu / rho;
        sin = nv / rho;
        var boundary = 1 + (wobble.IsEmpty ? 0 : wobble.Evaluate(cos, sin));
        var mmPerUnit = Math.Sqrt(halfWidth * halfWidth * cos * cos + depth * depth * sin * sin);
        return (rho - boundary) * mmPerUnit;
    }
}
