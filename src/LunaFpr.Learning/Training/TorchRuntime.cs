using static TorchSharp.torch;

namespace LunaFpr.Learning.Training;

/// <summary>Process-wide torch setup: compute threads, device choice and seeding.</summary>
public static class TorchRuntime
{
    /// <summary>The CPU runtime package this project references.</summary>
    public const string CpuPackage = "libtorch-cpu-linux-x64";

    /// <summary>The package that brings a CUDA runtime instead.</summary>
    public const string CudaPackage = "libtorch-cuda-12.8-linux-x64";

    /// <summary>
    /// Sets torch's thread count to <paramref name="threads"/> (0 = one per core) and returns the device.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// When CUDA is asked for but no CUDA runtime is loaded; the message names the package to reference instead.
    /// </exception>
    public static Device Prepare(ComputeDevice device, int threads)
    {
        set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
        return Resolve(device);
    }

    /// <summary>The torch device for <paramref name="device"/>, checking that CUDA is really there.</summary>
    /// <exception cref="NotSupportedException">When CUDA is asked for but unavailable.</exception>
    public static Device Resolve(ComputeDevice device)
    {
        if (device == ComputeDevice.Cpu)
        {
            return CPU;
        }

        if (!cuda.is_available())
        {
            throw new NotSupportedException(
                $"--device cuda was asked for, but no CUDA runtime is available (torch.cuda.is_available() is " +
                $"false). This build references {CpuPackage}; reference {CudaPackage} in its place in " +
                "src/LunaFpr.Learning/LunaFpr.Learning.csproj and Directory.Packages.props, rebuild, and run on a " +
                "machine with an NVIDIA driver. Or use --device cpu.");
        }

        return CUDA;
    }

    /// <summary>
    /// Seeds torch's generators (CPU and CUDA), so that a CPU run with the same seed and thread count repeats exactly.
    /// </summary>
    /// <remarks>
    /// TODO: TorchSharp 0.107 does not implement <c>use_deterministic_algorithms</c>, so CUDA runs may differ in
    /// the last bits from run to run (cuDNN picks kernels freely); CPU kernels are deterministic for a fixed
    /// thread count.
    /// </remarks>
    public static void Seed(long seed)
    {
        manual_seed(seed);
        if (cuda.is_available())
        {
            cuda.manual_seed_all(seed);
        }

    }

    /// <summary>
    /// A seed for one purpose (<paramref name="stream"/>) in one epoch, derived from the run's seed with SplitMix64,
    /// so that an epoch draws the same batches and dropout masks whether or not the run was resumed before it.
    /// </summary>
    public static long Derive(long seed, int epoch, int stream)
    {
        unchecked
        {
            var z = (ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(epoch * 8 + stream + 1);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)((z ^ (z >> 31)) >> 1);
        }
    }
}
