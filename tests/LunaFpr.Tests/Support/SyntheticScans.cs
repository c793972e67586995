using LunaFpr.Imaging;

namespace LunaFpr.Tests.Support;

/// <summary>Small in-memory scans for tests.</summary>
internal static class SyntheticScans
{
    /// <summary>A scan of <paramref name="size"/> filled with <paramref name="hu"/>, 1 mm voxels, origin 0.</summary>
    public static Scan Uniform(string uid, VolumeSize size, short hu, Vector3D? spacing = null, Vector3D? origin = null)
    {
        var voxels = new short[size.VoxelCount];
        Array.Fill(voxels, hu);
        return new Scan(uid, size, spacing ?? new Vector3D(1, 1, 1), origin ?? default, Direction.Identity, voxels);
    }

    /// <summary>A scan whose voxels hold their own index, z·10000 + y·100 + x (up to 100 × 100 × 3).</summary>
    public static Scan Coded(string uid, VolumeSize size)
    {
        var scan = Uniform(uid, size, 0);
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    scan.Voxels[(z * size.Y + y) * size.X + x] = (short)(z * 10000 + y * 100 + x);
                }
            }
        }

        return scan;
    }
}
