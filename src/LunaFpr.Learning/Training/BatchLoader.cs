using System.Collections.Concurrent;
using System.Diagnostics;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Prepares batches on a background task while the network computes: reads cubes from an
/// <see cref="IPatchSource"/>, windows and augments them into float arrays, and hands them over through a bounded
/// queue; the computing thread turns them into tensors.
/// </summary>
/// <remarks>
/// The queue holds at most <c>prefetch</c> batches, so memory stays bounded however slow the network is.
/// <see cref="WaitTime"/> is how long the consumer waited for data: the part of a step that loading costs.
/// An error while reading surfaces from <see cref="Next"/>.
/// </remarks>
public sealed class BatchLoader : IDisposable
{
    private readonly BlockingCollection<CubeBatch> queue;
    private readonly CancellationTokenSource stop = new();
    private readonly Task producer;
    private readonly Stopwatch waiting = new();

    /// <param name="source">Where cubes come from; must be safe to read from another thread.</param>
    /// <param name="plan">The batches to prepare, in order; enumerated on the background task.</param>
    /// <param name="inputs">Windows and cube shape.</param>
    /// <param name="prefetch">Batches prepared ahead (≥ 1).</param>
    public BatchLoader(
        IPatchSource source,
        IEnumerable<IReadOnlyList<CubeSample>> plan,
        CubeInputs inputs,
        int prefetch)
    {
        if (source.CubeShape != inputs.Shape)
        {
            throw new InvalidDataException(
                $"The patch source holds {source.CubeShape} cubes (z×y×x); the network reads {inputs.Shape}.");
        }

        queue = new BlockingCollection<CubeBatch>(Math.Max(1, prefetch));
        producer = Task.Run(() => Produce(source, plan, inputs, stop.Token));
    }

    /// <summary>Total time <see cref="Next"/> spent waiting for a batch.</summary>
    public TimeSpan WaitTime => waiting.Elapsed;

    /// <summary>The next batch, or null when the plan is done. Blocks while the batch is being prepared.</summary>
    public CubeBatch? Next()
    {
        waiting.Start();
        try
        {
            if (queue.TryTake(out var batch, Timeout.Infinite))
            {
                return batch;
            }
        }
        catch (InvalidOperationException) when (queue.IsAddingCompleted)
        {
            // Completed while we were waiting: fall through to report the producer's outcome.
        }
        finally
        {
            waiting.Stop();
        }

        producer.GetAwaiter().GetResult();
        return null;
    }

    /// <summary>Reads and converts one batch on the calling thread (no prefetching).</summary>
    public static CubeBatch Load(IPatchSource source, IReadOnlyList<CubeSample> samples, CubeInputs inputs)
    {
        var values = new float[samples.Count * inputs.ValuesPerCube];
        var hu = new short[inputs.Shape.VoxelCount];
        var scratch = new float[inputs.ValuesPerCube];
        var labels = new long[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            source.ReadCube(samples[i].EntryIndex, hu);
            inputs.Fill(hu, samples[i], values.AsSpan(i * inputs.ValuesPerCube, inputs.ValuesPerCube), scratch);
            labels[i] = samples[i].IsNodule ? 1 : 0;
        }

        return new CubeBatch(values, labels, samples, inputs);
    }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            producer.Wait();
        }
        catch (AggregateException)
        {
            // The consumer is abandoning the plan; a reading error no longer matters.
        }

        queue.Dispose();
        stop.Dispose();
    }

    private void Produce(
        IPatchSource source,
        IEnumerable<IReadOnlyList<CubeSample>> plan,
        CubeInputs inputs,
        CancellationToken cancel)
    {
        try
        {
            foreach (var samples in plan)
            {
                try
                {
                    queue.Add(Load(source, samples, inputs), cancel);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }
}
