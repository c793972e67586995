namespace LunaFpr.Synthetic;

/// <summary>How large the synthetic scans are.</summary>
public enum SyntheticSize
{
    /// <summary>
    /// Demo and test size: 320 × 320 pixels of 1.0–1.1 mm and 72–96 slices of 1.5, 2 or 2.5 mm (7–10 M voxels,
    /// about a second a scan). The lungs are covered, a 4 mm nodule is four voxels wide, and a 26 × 40 × 40 cube
    /// around it spans 40–44 mm in-plane, its surroundings included.
    /// </summary>
    Small,

    /// <summary>
    /// LUNA16's ranges: 512 × 512 pixels of 0.5–0.98 mm and slices of 0.625–2.5 mm covering the chest
    /// (up to a hundred million voxels; 10–30 s a scan on two cores).
    /// </summary>
    Realistic,
}
