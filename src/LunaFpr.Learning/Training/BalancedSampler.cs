using LunaFpr.Candidates;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Plans balanced training batches for one fold (SPEC §4): every batch is half negatives and half positives, where
/// the positives are the resampled positives of the training subsets, each in four versions (rotated 0°, 90°, 180°
/// and 270° about z).
/// </summary>
/// <remarks>
/// Positive versions and negatives are drawn from two shuffled streams without replacement; a stream is reshuffled
/// only when used up. One pass (<see cref="PassLength"/>) therefore takes every positive version once and as many
/// distinct negatives (or the reverse when negatives are fewer) — the SPEC's half-and-half shuffle buffer, with
/// no cube repeated. Everything follows from the seed.
/// With nodules given (<see cref="PositiveSampling.Nodule"/>), the positive half is drawn per nodule instead: a
/// shuffled stream of nodules, and within each nodule a shuffled stream of its cube versions.
/// </remarks>
public sealed class BalancedSampler
{
    private const int Rotations = 4;

    private readonly int[] positives;
    private readonly int[] negatives;
    private readonly int[][]? nodulePositives;

    /// <summary>
    /// Selects the training cubes of <paramref name="split"/> from <paramref name="entries"/>. With
    /// <paramref name="nodules"/>, positives are grouped by the annotated nodule that holds them and every batch
    /// draws nodules evenly; without, every positive cube is drawn evenly (SPEC §4).
    /// </summary>
    /// <exception cref="InvalidDataException">When the training subsets lack positives or negatives.</exception>
    public BalancedSampler(
        IReadOnlyList<PatchEntry> entries,
        FoldSplit split,
        ILogger? logger = null,
        IReadOnlyList<Annotation>? nodules = null)
    {
        logger ??= NullLogger.Instance;
        var training = Enumerable.Range(0, entries.Count).Where(i => split.IsTraining(entries[i].Subset)).ToList();
        positives = training.Where(i => entries[i].Kind == PatchKind.ResampledPositive).ToArray();
        negatives = training.Where(i => entries[i].Kind == PatchKind.Negative).ToArray();
        if (positives.Length == 0)
        {
            positives = training.Where(i => entries[i].Kind == PatchKind.OriginalPositive).ToArray();
            if (positives.Length > 0)
            {
                logger.LogWarning(
                    "The training subsets of {Split} hold no resampled positives; training on the {Count} original " +
                    "positives instead (run prepare with resampling for the SPEC's 100-fold positives)",
                    split, positives.Length);
            }
        }

        if (positives.Length == 0 || negatives.Length == 0)
        {
            throw new InvalidDataException(
                $"The training subsets of {split} hold {positives.Length} positive and {negatives.Length} negative " +
                "cubes; training needs both. Prepare patches for more subsets or choose another fold.");
        }

        if (nodules is not null)
        {
            nodulePositives = GroupByNodule(entries, nodules);
            logger.LogInformation("{Split}: positives drawn per nodule, {Nodules} nodules holding {Cubes} cubes",
                split, nodulePositives.Length, positives.Length);
        }
    }

    /// <summary>Groups of positive cubes (indices into the positive list) drawn as one, one group per nodule.</summary>
    public int PositiveGroups => nodulePositives?.Length ?? positives.Length;

    /// <summary>Positive versions available: resampled positives × 4 rotations.</summary>
    public int PositiveSamples => positives.Length * Rotations;

    /// <summary>Negative cubes available.</summary>
    public int NegativeSamples => negatives.Length;

    /// <summary>Cubes in one balanced pass: 2 · min(positive versions, negatives).</summary>
    public long PassLength => 2L * Math.Min(PositiveSamples, NegativeSamples);

    /// <summary>Steps that make one pass at <paramref name="batchSize"/> (at least 1): the SPEC's epoch.</summary>
    public int StepsPerPass(int batchSize) => (int)Math.Max(1, Math.Min(int.MaxValue, PassLength / batchSize));

    /// <summary>
    /// <paramref name="steps"/> batches of <paramref name="batchSize"/> samples (even), each half positive and half
    /// negative in shuffled order. With <paramref name="mirrors"/> each sample is also mirrored in x and in z, each
    /// with probability ½.
    /// </summary>
    public IEnumerable<CubeSample[]> Batches(int batchSize, int steps, bool mirrors, int seed)
    {
        if (batchSize < 2 || batchSize % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Batch size must be even and ≥ 2.");
        }

        var random = new Random(seed);
        var positiveStream = new PositiveStream(this, random);
        var negativeStream = new ShuffledStream(NegativeSamples, random);
        for (var step = 0; step < steps; step++)
        {
            var batch = new CubeSample[batchSize];
            for (var i = 0; i < batchSize / 2; i++)
            {
                var version = positiveStream.Next();
                batch[2 * i] = Augment(new CubeSample(positives[version / Rotations], true, version % Rotations));
                batch[2 * i + 1] = Augment(new CubeSample(negatives[negativeStream.Next()], false));
            }

            random.Shuffle(batch);
            yield return batch;
        }

        CubeSample Augment(CubeSample sample) => mirrors
            ? sample with { MirrorX = random.Next(2) == 1, MirrorZ = random.Next(2) == 1 }
            : sample;
    }

    /// <summary>
    /// Groups positives by the nodule of <paramref name="nodules"/> that contains them (the resampler's rule); a
    /// positive in no listed nodule, e.g. after annotations.csv was edited, forms a group of its own.
    /// </summary>
    private int[][] GroupByNodule(IReadOnlyList<PatchEntry> entries, IReadOnlyList<Annotation> nodules)
    {
        var bySeries = nodules.GroupBy(n => n.SeriesUid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Annotation>)g.ToList(), StringComparer.Ordinal);
        var groups = new Dictionary<(string Series, int Nodule), List<int>>();
        for (var p = 0; p < positives.Length; p++)
        {
            var entry = entries[positives[p]];
            var nodule = bySeries.TryGetValue(entry.SeriesUid, out var listed)
                ? PositiveResampler.FindContainingNodule(entry.CenterWorldMm, listed)
                : -1;
            var key = (entry.SeriesUid, nodule >= 0 ? nodule : -1 - p);
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
            }

            members.Add(p);
        }

        return groups.Values.Select(g => g.ToArray()).ToArray();
    }

    /// <summary>
    /// Positive versions (positive index × 4 + rotation): one shuffled stream of all of them, or, per nodule, a
    /// shuffled stream of nodules and one of versions inside each.
    /// </summary>
    private sealed class PositiveStream
    {
        private readonly ShuffledStream all;
        private readonly int[][]? groups;
        private readonly ShuffledStream? groupOrder;
        private readonly ShuffledStream[]? withinGroup;

        public PositiveStream(BalancedSampler sampler, Random random)
        {
            all = new ShuffledStream(sampler.PositiveSamples, random);
            groups = sampler.nodulePositives;
            if (groups is not null)
            {
                groupOrder = new ShuffledStream(groups.Length, random);
                withinGroup = groups.Select(g => new ShuffledStream(g.Length * Rotations, random)).ToArray();
            }
        }

        public int Next()
        {
            if (groups is null)
            {
                return all.Next();
            }

            var group = groupOrder!.Next();
            var version = withinGroup![group].Next();
            return groups[group][version / Rotations] * Rotations + version % Rotations;
        }
    }

    /// <summary>0 … count − 1 in random order, reshuffled each time it is used up.</summary>
    private sealed class ShuffledStream(int count, Random random)
    {
        private readonly int[] order = Enumerable.Range(0, count).ToArray();
        private int next = count;

        public int Next()
        {
            if (next == order.Length)
            {
                random.Shuffle(order);
                next = 0;
            }

            return order[next++];
        }
    }
}
