using System.Runtime.ExceptionServices;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// Runs per-file work in parallel and, if files fail, rethrows the failure of the first one in order.
/// </summary>
internal static class DicomParallel
{
    /// <summary>
    /// Calls <paramref name="body"/> for 0 … <paramref name="count"/> − 1; the exception that escapes is the
    /// lowest index's, unwrapped, so the same bad folder always gives the same message.
    /// </summary>
    public static void For(int count, int maxParallelism, Action<int> body)
    {
        var failures = new Exception?[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };
        Parallel.For(0, count, options, i =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });

        if (failures.FirstOrDefault(e => e is not null) is { } first)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
