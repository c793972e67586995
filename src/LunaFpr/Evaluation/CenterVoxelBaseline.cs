using LunaFpr.Patches;

namespace LunaFpr.Evaluation;

/// <summary>
/// The simplest possible scorer: a candidate's score is the HU of its centre voxel, so bright (dense) points rank
/// first. It is the bar a 3D network must clear clearly; vessels cut across are as dense as nodules at their
/// centre, and only their shape in 3D tells them apart.
/// </summary>
public static class CenterVoxelBaseline
{
    /// <summary>Scores <paramref name="entryIndices"/> of <paramref name="source"/> by centre HU, in [0, 1].</summary>
    public static IReadOnlyList<ScoredCandidate> Score(IPatchSource source, IReadOnlyList<int> entryIndices)
    {
        var shape = source.CubeShape;
        var center = (shape.Z / 2 * shape.Y + shape.Y / 2) * shape.X + shape.X / 2;
        var cube = new short[shape.VoxelCount];
        var rows = new ScoredCandidate[entryIndices.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var entry = source.Entries[entryIndices[i]];
            source.ReadCube(entryIndices[i], cube);

            // Any monotonic map of HU ranks the same; this one keeps the score a probability-like number.
            var score = (Math.Clamp(cube[center], (short)-1024, (short)3071) + 1024) / 4095.0;
            rows[i] = new ScoredCandidate(entry.SeriesUid, entry.CenterWorldMm, score);
        }

        return rows;
    }
}
