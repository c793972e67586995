using System.Collections.Concurrent;
using System.Diagnostics;
using LunaFpr.Patches;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Prepares batches on a background task while the network computes: reads cubes from an
/// <see cref="IPatchSource"/>, windows and augments them, and hands them over as tensors through a bounded queue.
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
    /// <param name="device">Where the tensors are placed.</param>
    public BatchLoader(
        IPatchSource source,
        IEnumerable<IReadOnlyList<CubeSample>> plan,
        CubeInputs inputs,
        int prefetch,
        Device device)
    {
        if (source.CubeShape != inputs.Shape)
        {
            throw new InvalidDataException(
                $"The patch source holds {source.CubeShape} cubes (z×y×x); the network reads {inputs.Shape}.");
        }

        queue = new BlockingCollection<CubeBatch>(Math.Max(1, prefetch));
        producer = Task.Run(() => Produce(source, plan, inputs, device, stop.Token));
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
    public static CubeBatch Load(IPatchSource source, IReadOnlyList<CubeSample> samples, CubeInputs inputs, Device device)
    {
        var values = new float[samples.Count * inputs.ValuesPerCube];
        var hu = new short[inputs.Shape.VoxelCount];
        var scratch = new float[inputs.Shape.VoxelCount];
        var labels = new long[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            source.ReadCube(samples[i].EntryIndex, hu);
            inputs.Fill(hu, samples[i], values.AsSpan(i * inputs.ValuesPerCube, inputs.ValuesPerCube), scratch);
            labels[i] = samples[i].IsNodule ? 1 : 0;
        }

        var shape = inputs.Shape;
        long[] dims = [samples.Count, inputs.Channels, shape.Z, shape.Y, shape.X];
        var cubes = tensor(values, dims);
        var labelTensor = tensor(labels);
        if (device.type != DeviceType.CPU)
        {
            var (onDevice, labelsOnDevice) = (cubes.to(device), labelTensor.to(device));
            cubes.Dispose();
            labelTensor.Dispose();
            (cubes, labelTensor) = (onDevice, labelsOnDevice);
        }

        return new CubeBatch(cubes, labelTensor, samples);
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

        while (queue.TryTake(out var leftover))
        {
            leftover.Dispose();
        }

        queue.Dispose();
        stop.Dispose();
    }

    private void Produce(
        IPatchSource source,
        IEnumerable<IReadOnlyList<CubeSample>> plan,
        CubeInputs inputs,
        Device device,
        CancellationToken cancel)
    {
        try
        {
            foreach (var samples in plan)
            {
                var batch = Load(source, samples, inputs, device);
                try
                {
                    queue.Add(batch, cancel);
                }
                catch (OperationCanceledException)
                {
                    batch.Dispose();
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
