using LunaFpr.Candidates;
using LunaFpr.Evaluation;
using LunaFpr.Imaging;

namespace LunaFpr.Tests.Evaluation;

/// <summary>Small evaluation inputs: scans "A", "B", … with nodules and candidates placed by hand.</summary>
internal static class FrocFixtures
{
    public static readonly FrocOptions NoBootstrap = new() { BootstrapCount = 0 };

    public static Annotation Nodule(string scan, double x, double y, double z, double diameterMm) =>
        new(scan, new Vector3D(x, y, z), diameterMm);

    public static ScoredCandidate Mark(string scan, double x, double y, double z, double probability) =>
        new(scan, new Vector3D(x, y, z), probability);

    /// <summary>
    /// A seeded random case: <paramref name="scans"/> scans with 0–2 nodules each, near-nodule hits, marks on
    /// excluded findings and scattered false positives, probabilities on a coarse grid so that ties occur.
    /// </summary>
    public static (List<ScoredCandidate> Submission, List<Annotation> Nodules, List<Annotation> Excluded, string[] Uids)
        Random(int scans, int seed)
    {
        var random = new Random(seed);
        var uids = Enumerable.Range(0, scans).Select(s => $"1.2.{s}").ToArray();
        var submission = new List<ScoredCandidate>();
        var nodules = new List<Annotation>();
        var excluded = new List<Annotation>();
        foreach (var uid in uids)
        {
            for (var n = random.Next(3); n > 0; n--)
            {
                var nodule = Nodule(uid, random.Next(-100, 100), random.Next(-100, 100), random.Next(-100, 100),
                    4 + random.Next(20));
                nodules.Add(nodule);
                for (var h = random.Next(3); h > 0; h--)
                {
                    submission.Add(Mark(uid, nodule.CenterWorldMm.X + 1, nodule.CenterWorldMm.Y, nodule.CenterWorldMm.Z,
                        Math.Round(0.3 + 0.7 * random.NextDouble(), 2)));
                }
            }

            var finding = Nodule(uid, 150, 150, 150, -1);
            excluded.Add(finding);
            submission.Add(Mark(uid, 151, 150, 150, Math.Round(random.NextDouble(), 2)));
            for (var f = random.Next(30); f > 0; f--)
            {
                submission.Add(Mark(uid, 300 + random.Next(100), 300, 300, Math.Round(0.6 * random.NextDouble(), 2)));
            }
        }

        return (submission, nodules, excluded, uids);
    }
}
