using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Candidates;

/// <summary>
/// A point to cut a cube around: world centre (x, y, z) in mm and where it came from (a negative, an original
/// positive of the candidate list, or a positive resampled inside an annotated nodule).
/// </summary>
public sealed record TrainingPoint(string SeriesUid, Vector3D CenterWorldMm, PatchKind Kind);
