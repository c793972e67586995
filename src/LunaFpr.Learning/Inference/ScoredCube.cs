using LunaFpr.Imaging;

namespace LunaFpr.Learning.Inference;

/// <summary>
/// A candidate and the network's probability that it is a nodule: one row of a LUNA16 submission
/// (<c>seriesuid,coordX,coordY,coordZ,probability</c>), centre in world mm (x, y, z).
/// </summary>
public sealed record ScoredCube(string SeriesUid, Vector3D CenterWorldMm, double Probability);
