using Microsoft.Win32.SafeHandles;

namespace LunaFpr.Imaging.Dicom;

/// <summary>Positional reads that either fill the whole span or fail naming the file.</summary>
internal static class DicomFileRead
{
    /// <summary>Fills <paramref name="destination"/> from byte <paramref name="offset"/> of the file.</summary>
    /// <exception cref="InvalidDataException">The file ends first (truncated, or changed while being read).</exception>
    public static void Exactly(SafeFileHandle handle, Span<byte> destination, long offset, string filePath)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = RandomAccess.Read(handle, destination[total..], offset + total);
            if (read == 0)
            {
                throw new InvalidDataException(
                    $"{filePath}: the file ends at byte {offset + total}, before the {destination.Length} bytes " +
                    $"expected from byte {offset}; it is truncated or was changed while being read.");
            }

            total += read;
        }
    }
}
