using LunaFpr.Candidates;
using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// One generated scan with its LUNA16 list rows: the nodules of <c>annotations.csv</c>, the findings of
/// <c>annotations_excluded.csv</c>, and the detector candidates of <c>candidates.csv</c>, all in world mm.
/// </summary>
/// <param name="Scan">The CT volume (HU, int16) with its geometry; voxels all 0 when only described.</param>
/// <param name="Subset">LUNA16 subset folder number, 0–9.</param>
/// <param name="Annotations">Rows of annotations.csv: nodules of 3–30 mm.</param>
/// <param name="Excluded">Rows of annotations_excluded.csv: findings under 3 mm, disputed nodules, and
/// non-nodules with diameter −1.</param>
/// <param name="Candidates">Rows of candidates.csv, shuffled: class 1 inside a nodule, class 0 elsewhere.</param>
/// <param name="Lesions">Every lesion drawn, annotated or excluded, with its kind and tissue HU.</param>
/// <param name="NoiseSigmaHu">Standard deviation of the scanner noise added, HU.</param>
public sealed record SyntheticScan(
    Scan Scan,
    int Subset,
    IReadOnlyList<Annotation> Annotations,
    IReadOnlyList<Annotation> Excluded,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<SyntheticLesion> Lesions,
    double NoiseSigmaHu);
