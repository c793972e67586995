using LunaFpr.Candidates;
using LunaFpr.Evaluation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Learning.Training;

/// <summary>
/// The CPM of a validation pass (SPEC §5): the LUNA16 FROC of the scored validation candidates against the nodules
/// of the validation subset's scans only, without the bootstrap band (the CPM needs none).
/// </summary>
public static class ValidationCpm
{
    /// <summary>
    /// A function for <see cref="TrainingRun.ValidationCpm"/> that scores against <paramref name="annotations"/>
    /// and <paramref name="excluded"/> restricted to <paramref name="seriesUids"/>, the validation subset's scans.
    /// It returns null when those scans hold no nodule, so the CPM is undefined.
    /// </summary>
    public static Func<IReadOnlyList<ScoredCandidate>, double?> For(
        IReadOnlyList<Annotation> annotations,
        IReadOnlyList<Annotation> excluded,
        IReadOnlyList<string> seriesUids,
        ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var options = new FrocOptions { BootstrapCount = 0 };
        var warned = false;
        return scored =>
        {
            if (seriesUids.Count == 0)
            {
                return null;
            }

            try
            {
                return FrocEvaluator.Evaluate(scored, annotations, excluded, seriesUids, options).Cpm;
            }
            catch (InvalidDataException e)
            {
                if (!warned)
                {
                    logger.LogWarning("No validation CPM: {Reason}", e.Message);
                    warned = true;
                }

                return null;
            }
        };
    }
}
