using static LunaFpr.Benchmarks.ComparisonTools;
using System.Diagnostics;
using System.Globalization;
using LunaFpr.Learning.Model;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Benchmarks.Learning;

/// <summary>
/// <c>compare train-speed [--presets full,small] [--batches 32,64] [--steps 1] [--threads N]</c>: training and
/// inference samples/s of the three-scale network at each preset and batch size on random cubes, the GFLOP/s that
/// achieves (analytic FLOPs of <see cref="ModelCost"/>) as a fraction of this CPU's fp32 peak, and how long the
/// background loader takes to prepare a batch compared with a training step.
/// </summary>
/// <remarks>
/// Each setting runs one untimed warm-up step, then <c>--steps</c> timed ones (default 1, to keep the run to a few
/// minutes: a full-preset step of 64 cubes takes tens of seconds here); the figure is the median step, so give an
/// odd count such as 3 for steadier figures.
/// The machine's load average is printed before and after, since other processes share the cores; so is the
/// process's CPU time per step, whose GFLOP per CPU-second (against one core's peak) says how well the kernels
/// use a core whatever the load.
/// </remarks>
public sealed class TrainSpeedComparison : IComparison
{
    public string Name => "train-speed";

    public string Description => "Training and inference samples/s and GFLOP/s of the network, both presets.";

    public int Run(string[] args)
    {
        var presets = ListOption(args, "--presets") ?? ["full", "small"];
        var batches = (ListOption(args, "--batches") ?? ["32", "64"]).Select(int.Parse).ToArray();
        var steps = IntOption(args, "--steps") ?? 1;
        var threads = IntOption(args, "--threads") ?? Environment.ProcessorCount;
        torch.set_num_threads(threads);
        var peak = CpuPeak.Read(threads);

        Console.WriteLine($"train-speed: {peak.Model}, {threads} thread(s), load average {LoadAverage()}");
        Console.WriteLine(Invariant($"  {CpuPeak.Formula} = {threads} × {peak.Gigahertz:0.###} × 2 × 8 × 2 = ") +
            Invariant($"{peak.GigaflopsPerSecond:0.0} GFLOP/s"));
        Console.WriteLine($"  {steps} timed step(s) after 1 warm-up per setting; training FLOPs = 3 × forward");
        Console.WriteLine(Invariant(
            $"  {"preset",-6} {"batch",5} {"mode",-9} {"ms/step",9} {"samples/s",10} {"GFLOP/s",8} {"of peak",8}")
            + Invariant($" {"cpu ms",9} {"GFLOP/cpu-s",12} {"of 1 core",9}"));

        var fullStepMs = new Dictionary<int, double>();
        foreach (var preset in presets)
        {
            var settings = ModelSettings.FromPreset(preset);
            foreach (var batch in batches)
            {
                var (train, infer) = Measure(settings, batch, steps);
                Row(settings, batch, "training", train, ModelCost.TrainingToForward, peak);
                Row(settings, batch, "inference", infer, 1, peak);
                if (preset == "full")
                {
                    fullStepMs[batch] = train.WallMs;
                }
            }
        }

        LoaderRow(batches, fullStepMs);
        Console.WriteLine($"  load average after: {LoadAverage()}");
        return 0;
    }

    private static (StepTime Train, StepTime Infer) Measure(ModelSettings settings, int batch, int steps)
    {
        torch.manual_seed(1);
        using var network = new MultiScaleNet(settings);
        using var optimizer = optim.SGD(network.parameters(), 0.001, 0.9, nesterov: true);
        using var cubes = rand(new long[] { batch, settings.ChannelCount, 26, 40, 40 });
        using var labels = arange(batch, ScalarType.Int64).remainder(2);

        var train = Time(steps, () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var (objective, _) = network.Objective(cubes, labels);
            objective.backward();
            optimizer.step();
            objective.item<float>();
        });

        network.eval();
        var infer = Time(steps, () =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            network.forward(cubes).sum().item<float>();
        });
        return (train, infer);
    }

    private static void LoaderRow(int[] batches, Dictionary<int, double> fullStepMs)
    {
        var source = new RandomCubes(512);
        var inputs = new CubeInputs(source.CubeShape, [CubeChannel.Lung]);
        foreach (var batch in batches)
        {
            var random = new Random(1);
            var plan = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, batch)
                .Select(_ => new CubeSample(random.Next(512), random.Next(2) == 1, random.Next(4))).ToArray());
            var clock = Stopwatch.StartNew();
            using (var loader = new BatchLoader(source, plan, inputs, prefetch: 2))
            {
                while (loader.Next() is not null)
                {
                }
            }

            var perBatch = clock.Elapsed.TotalMilliseconds / 8;
            var share = fullStepMs.TryGetValue(batch, out var step)
                ? Invariant($" = {perBatch / step:0.0%} of a full-preset training step ({step:0} ms)")
                : "";
            Console.WriteLine(Invariant($"  loader: {perBatch:0.0} ms to read, window and rotate a batch of {batch} ")
                + Invariant($"({batch * 1000 / perBatch:0} cubes/s){share}"));
        }
    }

    private static void Row(ModelSettings settings, int batch, string mode, StepTime time, double factor, CpuPeak peak)
    {
        var samples = batch * 1000 / time.WallMs;
        var gflop = batch * ModelCost.ForwardFlopsPerSample(settings) * factor / 1e9;
        var gflops = gflop * 1000 / time.WallMs;
        var perCpuSecond = gflop * 1000 / time.CpuMs;
        var corePeak = peak.GigaflopsPerSecond / peak.Cores;
        Console.WriteLine(Invariant(
            $"  {settings.Preset,-6} {batch,5} {mode,-9} {time.WallMs,9:0} {samples,10:0.0} {gflops,8:0.0} ") +
            Invariant($"{gflops / peak.GigaflopsPerSecond,8:0.0%} {time.CpuMs,9:0} {perCpuSecond,12:0.0} ") +
            Invariant($"{perCpuSecond / corePeak,9:0.0%}"));
    }

    /// <summary>Median wall time of the timed steps, and the process CPU time of that same step.</summary>
    private static StepTime Time(int steps, Action step)
    {
        step();
        var times = new StepTime[steps];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < steps; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            step();
            var wall = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            times[i] = new StepTime(wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
        }

        return times.OrderBy(t => t.WallMs).ElementAt(steps / 2);
    }

    private readonly record struct StepTime(double WallMs, double CpuMs);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string[]? ListOption(string[] args, string name) =>
        StringOption(args, name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Random int16 HU cubes held in memory, as a warm patch store would serve them.</summary>
    private sealed class RandomCubes : IPatchSource
    {
        private readonly short[][] cubes;

        public RandomCubes(int count)
        {
            var random = new Random(1);
            cubes = Enumerable.Range(0, count)
                .Select(_ => Enumerable.Range(0, CubeShape.VoxelCount)
                    .Select(_ => (short)random.Next(-1000, 400)).ToArray())
                .ToArray();
            Entries = cubes
                .Select((_, i) => new PatchEntry($"1.{i}", 0, PatchKind.Negative, default, default))
                .ToList();
        }

        public CubeShape CubeShape => CubeShape.Default;

        public IReadOnlyList<PatchEntry> Entries { get; }

        public void ReadCube(int entryIndex, Span<short> destination) => cubes[entryIndex].CopyTo(destination);
    }
}
