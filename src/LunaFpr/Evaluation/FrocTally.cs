using LunaFpr.Candidates;

namespace LunaFpr.Evaluation;

/// <summary>
/// What matching leaves for the FROC: one entry per hit nodule (its best candidate's probability) and one per false
/// positive, each tagged with its scan, plus the nodule count of every scan (misses included, as the denominator).
/// </summary>
internal sealed class FrocTally(int scanCount)
{
    private readonly List<double> probabilities = [];
    private readonly List<int> scanAndHit = [];

    public int[] NodulesPerScan { get; } = new int[scanCount];

    public List<Annotation> Missed { get; } = [];

    public int Hits { get; set; }

    public int FalsePositives { get; set; }

    public int Ignored { get; set; }

    public int ExtraHits { get; set; }

    public int SharedHits { get; set; }

    public int Candidates { get; set; }

    public int DroppedByCap { get; set; }

    public int Nodules => Hits + Missed.Count;

    public void AddHit(int scan, double probability)
    {
        Hits++;
        NodulesPerScan[scan]++;
        Add(scan, probability, isHit: true);
    }

    public void AddMiss(int scan, Annotation nodule)
    {
        NodulesPerScan[scan]++;
        Missed.Add(nodule);
    }

    public void AddFalsePositive(int scan, double probability)
    {
        FalsePositives++;
        Add(scan, probability, isHit: false);
    }

    /// <summary>The entries sorted by probability, highest first, for <see cref="FrocCurve"/>.</summary>
    public FrocEntries ToSortedEntries()
    {
        // Sorting the negated probabilities ascending orders them highest first; ties stay adjacent,
        // which is all the curve needs (a tie is one threshold).
        var keys = probabilities.Select(p => -p).ToArray();
        var items = scanAndHit.ToArray();
        Array.Sort(keys, items);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = -keys[i];
        }

        return new FrocEntries(keys, items, NodulesPerScan);
    }

    private void Add(int scan, double probability, bool isHit)
    {
        probabilities.Add(probability);
        scanAndHit.Add(FrocEntries.Pack(scan, isHit));
    }
}

/// <summary>
/// FROC entries sorted by probability, highest first: <see cref="Probabilities"/>[i] belongs to scan
/// <c>ScanAndHit[i] &gt;&gt; 1</c> and is a hit when its low bit is set. Shared read-only by all bootstrap threads.
/// </summary>
internal sealed record FrocEntries(double[] Probabilities, int[] ScanAndHit, int[] NodulesPerScan)
{
    public int ScanCount => NodulesPerScan.Length;

    public static int Pack(int scan, bool isHit) => (scan << 1) | (isHit ? 1 : 0);
}
