using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// The drawn shape and tissue values of one phantom chest, in world (x, y, z) mm with LUNA16's patient axes:
/// +x towards the patient's left, +y posterior, +z towards the head. <see cref="Section"/> gives the geometry of
/// one axial level; the renderers and planners ask it where body, lungs, heart and spine are.
/// </summary>
internal sealed record ChestAnatomy
{
    public required double CentreX { get; init; }
    public required double CentreY { get; init; }

    /// <summary>Half the body's left–right width, mm.</summary>
    public required double HalfWidthMm { get; init; }

    /// <summary>Body depth from centre to the front (chest skin) and to the back (on the table), mm.</summary>
    public required double AnteriorDepthMm { get; init; }
    public required double PosteriorDepthMm { get; init; }

    public required Harmonics BodyOutline { get; init; }
    public required Harmonics CavityOutline { get; init; }

    /// <summary>Mean subcutaneous fat thickness, mm; thicker in front and at the sides.</summary>
    public required double FatMm { get; init; }

    /// <summary>Skin-to-pleura thickness (fat, muscle, ribs) at the side, front and back, mm.</summary>
    public required double LateralWallMm { get; init; }
    public required double AnteriorWallMm { get; init; }
    public required double PosteriorWallMm { get; init; }

    /// <summary>World z (mm) of the lowest lung point (posterior recess) and of the apices.</summary>
    public required double LungBottomZ { get; init; }
    public required double LungApexZ { get; init; }

    /// <summary>Diaphragm dome heights above <see cref="LungBottomZ"/>, mm; the right dome sits higher.</summary>
    public required double RightDomeMm { get; init; }
    public required double LeftDomeMm { get; init; }

    /// <summary>Mediastinum half-width where widest (heart, great vessels) and where the lungs nearly meet
    /// (in front of and behind it), mm.</summary>
    public required double MediastinumWidestMm { get; init; }
    public required double MediastinumNarrowestMm { get; init; }

    public required Vector3D HeartCentre { get; init; }
    public required Vector3D HeartSemiAxesMm { get; init; }
    public required double VertebraRadiusMm { get; init; }
    public required double AortaRadiusMm { get; init; }
    public required double TableGapMm { get; init; }

    public required TissueValues Hu { get; init; }

    /// <summary>Seed of the texture fields of parenchyma and fat.</summary>
    public required int TextureSeed { get; init; }

    /// <summary>Lung height (apex − bottom), mm.</summary>
    public double LungHeightMm => LungApexZ - LungBottomZ;

    /// <summary>Cavity half-width at its widest, mm.</summary>
    public double CavityHalfWidthMm => HalfWidthMm - LateralWallMm;

    /// <summary>Cavity depth behind the centre at its widest, mm.</summary>
    public double CavityPosteriorMm => PosteriorDepthMm - PosteriorWallMm;

    /// <summary>World x of the mediastinum's and spine's midline, a little left of the body centre.</summary>
    public double MidlineX => CentreX + 4;

    /// <summary>World y of the vertebral bodies' centre: they bulge into the back of the cavity.</summary>
    public double SpineY => CentreY + CavityPosteriorMm - VertebraRadiusMm * 0.45;

    /// <summary>Centre (x, y) of the descending aorta, left of and in front of the spine.</summary>
    public (double X, double Y) Aorta => (MidlineX + VertebraRadiusMm + AortaRadiusMm * 0.5,
        SpineY - VertebraRadiusMm * 0.7);

    /// <summary>Carina: where the trachea splits, at 60 % of the lung height in front of the spine.</summary>
    public Vector3D Carina => new(MidlineX, SpineY - VertebraRadiusMm - 18, LungBottomZ + 0.6 * LungHeightMm);

    /// <summary>Radius of the trachea, mm.</summary>
    public double TracheaRadiusMm => 8.5 * HalfWidthMm / 165;

    /// <summary>Main bronchus of one side (−1 right, +1 left) from the carina to the hilum.</summary>
    public TubeSegment MainBronchus(int side) => new(Carina, Hilum(side) + new Vector3D(0, 4, 6),
        TracheaRadiusMm * 0.75, TracheaRadiusMm * 0.6);

    /// <summary>Hilum of one side (−1 right, +1 left): where vessels and bronchus enter the lung.</summary>
    public Vector3D Hilum(int side) => new(
        MidlineX + side * (MediastinumWidestMm * 0.8 + 4),
        CentreY - 0.05 * CavityPosteriorMm,
        LungBottomZ + 0.5 * LungHeightMm);

    /// <summary>Geometry of the axial level at world z (mm).</summary>
    public ChestSection Section(double z) => new(this, z);

    /// <summary>Signed distance (mm) from a world point to the nearer lung's surface: negative inside.</summary>
    public double LungSignedDistance(Vector3D worldMm) =>
        Section(worldMm.Z).LungSignedDistance(worldMm.X, worldMm.Y, worldMm.Z);

    /// <summary>
    /// Draws a chest that fills the world box (x, y, z) mm of a scan: the body fits the field of view, the lungs
    /// span most of the z range with tissue above and below, as a chest CT is framed.
    /// </summary>
    public static ChestAnatomy Draw(Random random, Vector3D worldMin, Vector3D worldMax)
    {
        var fovHalf = Math.Min(worldMax.X - worldMin.X, worldMax.Y - worldMin.Y) / 2;
        var halfWidth = Math.Min(random.Uniform(140, 185), fovHalf * random.Uniform(0.8, 0.92));
        var posterior = halfWidth * random.Uniform(0.68, 0.78);
        var anterior = posterior * random.Uniform(0.95, 1.08);
        var centreX = (worldMin.X + worldMax.X) / 2 + random.Uniform(-8, 8);
        var centreY = (worldMin.Y + worldMax.Y) / 2 + random.Uniform(-12, 2) - (posterior - anterior) / 2;

        var zRange = worldMax.Z - worldMin.Z;
        var lungHeight = Math.Min(random.Uniform(220, 290), zRange * random.Uniform(0.78, 0.88));
        var lungBottom = worldMin.Z + (zRange - lungHeight) * random.Uniform(0.35, 0.65);
        var lateralWall = random.Uniform(22, 36) * halfWidth / 165;
        var cavityHalfWidth = halfWidth - lateralWall;
        var posteriorWall = random.Uniform(28, 40) * halfWidth / 165;
        var cavityDepth = posterior - posteriorWall;
        return new ChestAnatomy
        {
            CentreX = centreX,
            CentreY = centreY,
            HalfWidthMm = halfWidth,
            AnteriorDepthMm = anterior,
            PosteriorDepthMm = posterior,
            BodyOutline = Harmonics.Draw(random, 3, 0.07),
            CavityOutline = Harmonics.Draw(random, 3, 0.03),
            FatMm = random.Uniform(6, 26) * halfWidth / 165,
            LateralWallMm = lateralWall,
            AnteriorWallMm = random.Uniform(18, 30) * halfWidth / 165,
            PosteriorWallMm = posteriorWall,
            LungBottomZ = lungBottom,
            LungApexZ = lungBottom + lungHeight,
            RightDomeMm = lungHeight * random.Uniform(0.2, 0.26),
            LeftDomeMm = lungHeight * random.Uniform(0.15, 0.2),
            MediastinumWidestMm = cavityHalfWidth * random.Uniform(0.24, 0.3),
            MediastinumNarrowestMm = random.Uniform(5, 10),
            HeartCentre = new Vector3D(
                centreX + cavityHalfWidth * random.Uniform(0.15, 0.25),
                centreY - cavityDepth * random.Uniform(0.2, 0.3),
                lungBottom + lungHeight * random.Uniform(0.24, 0.3)),
            HeartSemiAxesMm = new Vector3D(
                cavityHalfWidth * random.Uniform(0.42, 0.5), cavityDepth * random.Uniform(0.5, 0.6),
                lungHeight * 0.2),
            VertebraRadiusMm = random.Uniform(15, 19),
            AortaRadiusMm = random.Uniform(10, 13),
            TableGapMm = random.Uniform(2, 15),
            Hu = TissueValues.Draw(random),
            TextureSeed = random.Next(),
        };
    }
}

/// <summary>Mean HU of each tissue, drawn per scan within their usual ranges.</summary>
internal sealed record TissueValues
{
    public const double Air = -1000;
    public required double Fat { get; init; }
    public required double Muscle { get; init; }
    public required double Lung { get; init; }
    public required double Blood { get; init; }
    public required double Liver { get; init; }
    public required double BoneMarrow { get; init; }
    public required double BoneCortex { get; init; }

    public static TissueValues Draw(Random random) => new()
    {
        Fat = random.Uniform(-115, -85),
        Muscle = random.Uniform(35, 55),
        Lung = random.Uniform(-870, -830),
        Blood = random.Uniform(35, 50),
        Liver = random.Uniform(50, 65),
        BoneMarrow = random.Uniform(220, 320),
        BoneCortex = random.Uniform(750, 950),
    };
}
