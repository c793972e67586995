using System.Text;

namespace LunaFpr.Candidates;

/// <summary>
/// Derives a random seed from a user seed and a few keys, the same on every run, machine and .NET version
/// (<see cref="string.GetHashCode()"/> is randomised per process, so it cannot serve). FNV-1a, 64 bit, written by
/// hand because the base library has no stable string hash.
/// </summary>
internal static class StableSeed
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static int Derive(int seed, string key, long a, long b)
    {
        var hash = OffsetBasis;
        hash = Mix(hash, BitConverter.GetBytes(seed));
        hash = Mix(hash, Encoding.UTF8.GetBytes(key));
        hash = Mix(hash, BitConverter.GetBytes(a));
        hash = Mix(hash, BitConverter.GetBytes(b));
        return (int)(hash ^ (hash >> 32));
    }

    private static ulong Mix(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
