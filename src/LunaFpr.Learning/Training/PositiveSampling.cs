namespace LunaFpr.Learning.Training;

/// <summary>How the positive half of every batch is drawn from the resampled positives.</summary>
public enum PositiveSampling
{
    /// <summary>
    /// Every resampled cube equally (SPEC §4). A 20 mm nodule has about 25 times the resampled points of a 4 mm
    /// one, so large nodules fill most of the positive half.
    /// </summary>
    Cube,

    /// <summary>
    /// Every nodule equally: a nodule is drawn first, then one of its resampled cubes. Small nodules, the
    /// majority and the hardest, are then seen as often as large ones, which matters when training is short.
    /// </summary>
    Nodule,
}
