namespace LunaFpr.Patches;

/// <summary>Where a training point came from. The numbers match the original project's class labels.</summary>
public enum PatchKind : byte
{
    /// <summary>A class-0 candidate of the list.</summary>
    Negative = 0,

    /// <summary>A class-1 candidate of the list, as given.</summary>
    OriginalPositive = 1,

    /// <summary>A point added on the 1 mm grid inside an annotated nodule (training only).</summary>
    ResampledPositive = 2,
}
