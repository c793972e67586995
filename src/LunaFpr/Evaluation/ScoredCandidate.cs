using LunaFpr.Imaging;

namespace LunaFpr.Evaluation;

/// <summary>
/// One row of a LUNA16 submission: a candidate's world centre (x, y, z) in mm and the probability (or any score
/// where higher means more likely a nodule) that the model gives it.
/// </summary>
public sealed record ScoredCandidate(string SeriesUid, Vector3D CenterWorldMm, double Probability);
