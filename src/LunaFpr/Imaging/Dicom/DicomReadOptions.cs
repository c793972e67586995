namespace LunaFpr.Imaging.Dicom;

/// <summary>Choices when reading a DICOM series into a scan.</summary>
public sealed record DicomReadOptions
{
    public static DicomReadOptions Default { get; } = new();

    /// <summary>
    /// When false (the default) a series whose slice steps differ (a gap where a slice is missing, or uneven
    /// steps) is rejected. When true it is read with a warning naming the files around each odd step, and the
    /// slice spacing is the mean step from first to last slice, so slices between them sit up to half the
    /// irregularity away from their true position.
    /// </summary>
    public bool AllowIrregularSpacing { get; init; }

    /// <summary>Files read at once; default the processor count.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
