using LunaFpr.Imaging;

namespace LunaFpr.Patches;

/// <summary>
/// One stored cube: its series, the LUNA16 subset (fold) the series belongs to, its kind, and its centre both in
/// world mm (x, y, z), as the candidate list gives it, and as the voxel index (z, y, x) the cube was cut around.
/// </summary>
public sealed record PatchEntry(
    string SeriesUid,
    int Subset,
    PatchKind Kind,
    Vector3D CenterWorldMm,
    IndexZyx CenterIndexZyx);
