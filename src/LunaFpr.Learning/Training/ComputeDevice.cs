namespace LunaFpr.Learning.Training;

/// <summary>Where tensors live and the network runs.</summary>
public enum ComputeDevice
{
    /// <summary>The CPU, with <c>torch.set_num_threads</c> threads.</summary>
    Cpu,

    /// <summary>The first CUDA GPU; needs the libtorch-cuda package in place of libtorch-cpu.</summary>
    Cuda,
}
