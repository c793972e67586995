using LunaFpr.Imaging;

namespace LunaFpr.Candidates;

/// <summary>
/// A detector's candidate point from <c>candidates.csv</c> / <c>candidates_V2.csv</c>: world centre (x, y, z) in mm
/// and the class the list gives it (1 = inside a nodule, 0 = not).
/// </summary>
public sealed record Candidate(string SeriesUid, Vector3D CenterWorldMm, int Class);
