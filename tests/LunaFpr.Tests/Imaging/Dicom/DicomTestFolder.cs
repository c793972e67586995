using LunaFpr.Imaging;

namespace LunaFpr.Tests.Imaging.Dicom;

/// <summary>A temporary folder of synthetic DICOM files, deleted on dispose.</summary>
internal sealed class DicomTestFolder : IDisposable
{
    public DicomTestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lunafpr-dicom-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>
    /// Writes an axial series of <paramref name="count"/> slices, slice k at z = −100 + 2.5 k mm, whose stored
    /// value at (row r, column c) is 100 k + 10 r + c, so that a voxel tells where it came from.
    /// </summary>
    public void WriteAxialSeries(int count, Func<TestDicomImage, int, TestDicomImage>? change = null,
        Func<int, string>? fileName = null)
    {
        for (var k = 0; k < count; k++)
        {
            var image = new TestDicomImage
            {
                InstanceNumber = k + 1,
                Position = new Vector3D(-50, -60, -100 + 2.5 * k),
                Pixels = Pattern(k, 4, 5),
            };
            Write(fileName?.Invoke(k) ?? $"slice{k:D3}.dcm", change?.Invoke(image, k) ?? image);
        }
    }

    public string Write(string name, TestDicomImage image)
    {
        var path = System.IO.Path.Combine(Path, name);
        TestDicomWriter.Write(path, image);
        return path;
    }

    public static int[] Pattern(int k, int rows, int columns) =>
        Enumerable.Range(0, rows * columns).Select(i => 100 * k + 10 * (i / columns) + i % columns).ToArray();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
