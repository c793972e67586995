using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>What a synthetic lesion is made of.</summary>
public enum LesionKind
{
    /// <summary>Soft-tissue nodule, ≈ 0…60 HU throughout.</summary>
    Solid,

    /// <summary>Ground-glass halo (−600…−300 HU) round a solid core.</summary>
    PartSolid,

    /// <summary>Ground-glass opacity, −600…−300 HU: hazy, vessels still visible through it.</summary>
    GroundGlass,

    /// <summary>Calcified granuloma, 300–800 HU: a benign finding, not a nodule.</summary>
    Calcified,

    /// <summary>Linear scar or atelectasis band: flat and elongated, soft tissue; not a nodule.</summary>
    Scar,
}

/// <summary>Which list names a lesion, as in LUNA16.</summary>
public enum LesionListing
{
    /// <summary><c>annotations.csv</c>: a nodule of at least 3 mm.</summary>
    Annotation,

    /// <summary><c>annotations_excluded.csv</c> with its diameter: smaller than 3 mm, or not agreed on.</summary>
    Excluded,

    /// <summary><c>annotations_excluded.csv</c> with diameter −1: a finding that is not a nodule.</summary>
    ExcludedUnknownSize,
}

/// <summary>What a lesion touches, which decides how hard it is to tell from its surroundings.</summary>
public enum LesionAttachment
{
    Free,

    /// <summary>Juxtapleural: touching the chest wall.</summary>
    Pleural,

    /// <summary>Juxtavascular: touching a vessel.</summary>
    Vascular,
}

/// <summary>
/// A lesion drawn into a synthetic scan: centre in world (x, y, z) mm, nominal diameter in mm (the annotated
/// one; lobulation makes the outline vary about it), tissue, listing and attachment.
/// </summary>
/// <param name="CenterWorldMm">Centre, world (x, y, z) mm, within a fifth of the radius of a voxel centre.</param>
/// <param name="DiameterMm">Nominal diameter, mm: the one its list gives (unless of unknown size).</param>
/// <param name="Kind">Tissue and shape.</param>
/// <param name="Listing">Which LUNA16 list names it.</param>
/// <param name="Attachment">What it touches.</param>
/// <param name="CoreHu">Mean HU at the centre: solid tissue for solid, part-solid and calcified lesions.</param>
/// <param name="HaloHu">Mean HU of the ground-glass part (<paramref name="CoreHu"/> when there is none).</param>
public sealed record SyntheticLesion(
    Vector3D CenterWorldMm,
    double DiameterMm,
    LesionKind Kind,
    LesionListing Listing,
    LesionAttachment Attachment,
    double CoreHu,
    double HaloHu)
{
    public double RadiusMm => DiameterMm / 2;

    /// <summary>The diameter its list gives: −1 for findings of unknown size.</summary>
    public double ListedDiameterMm => Listing == LesionListing.ExcludedUnknownSize ? -1 : DiameterMm;
}
