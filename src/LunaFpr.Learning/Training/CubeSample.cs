namespace LunaFpr.Learning.Training;

/// <summary>
/// One cube as the network will see it: an index into <see cref="Patches.IPatchSource.Entries"/>, its label, and
/// the augmentation to apply while reading it. Rotations are quarter turns in the y/x plane (about z), in the
/// sense of <c>torch.rot90(k, dims: (y, x))</c>; mirrors reverse one index axis.
/// </summary>
public readonly record struct CubeSample(
    int EntryIndex,
    bool IsNodule,
    int QuarterTurns = 0,
    bool MirrorX = false,
    bool MirrorZ = false)
{
    /// <summary>True when the cube is read as stored.</summary>
    public bool IsIdentity => QuarterTurns == 0 && !MirrorX && !MirrorZ;
}
