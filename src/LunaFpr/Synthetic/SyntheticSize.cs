namespace LunaFpr.Synthetic;

/// <summary>How large the synthetic scans are.</summary>
public enum SyntheticSize
{
    /// <summary>
    /// Demo and test size: 128 × 128 pixels of 2.5–2.8 mm and 48–64 slices of 2.5–5 mm (about 1 M voxels,
    /// generated in a fraction of a second). The lungs are still covered and a 26 × 40 × 40 cube around a
    /// nodule still holds its surroundings.
    /// </summary>
    Small,

    /// <summary>
    /// LUNA16's ranges: 512 × 512 pixels of 0.5–0.98 mm and slices of 0.625–2.5 mm covering the chest
    /// (up to a hundred million voxels; 10–30 s a scan on two cores).
    /// </summary>
    Realistic,
}
