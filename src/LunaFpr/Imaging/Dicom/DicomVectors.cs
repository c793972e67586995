namespace LunaFpr.Imaging.Dicom;

/// <summary>The few vector operations that ordering slices needs: dot and cross products, orientation axes.</summary>
internal static class DicomVectors
{
    /// <summary>Largest |row · column| accepted for ImageOrientationPatient's two axes (about 0.06°).</summary>
    private const double OrthogonalityTolerance = 1e-3;

    public static double Dot(Vector3D a, Vector3D b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    public static Vector3D Cross(Vector3D a, Vector3D b) => new(
        a.Y * b.Z - a.Z * b.Y,
        a.Z * b.X - a.X * b.Z,
        a.X * b.Y - a.Y * b.X);

    /// <summary>
    /// The row and column unit vectors of ImageOrientationPatient's six numbers, normalised because writers
    /// round them; they must be non-zero and orthogonal.
    /// </summary>
    /// <exception cref="InvalidDataException">Zero or non-orthogonal axes.</exception>
    public static (Vector3D Row, Vector3D Column) OrientationAxes(double[] values, string file)
    {
        var row = new Vector3D(values[0], values[1], values[2]);
        var column = new Vector3D(values[3], values[4], values[5]);
        if (row.Length < 1e-6 || column.Length < 1e-6)
        {
            throw new InvalidDataException(
                $"{file}: {DicomTag.ImageOrientationPatient} has a zero axis ({string.Join('\\', values)}).");
        }

        row *= 1 / row.Length;
        column *= 1 / column.Length;
        if (Math.Abs(Dot(row, column)) > OrthogonalityTolerance)
        {
            throw new InvalidDataException(
                $"{file}: {DicomTag.ImageOrientationPatient} axes ({string.Join('\\', values)}) are not " +
                "orthogonal; the image orientation is corrupt.");
        }

        return (row, column);
    }
}
