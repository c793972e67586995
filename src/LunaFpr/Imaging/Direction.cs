namespace LunaFpr.Imaging;

/// <summary>
/// Direction cosines of a volume: column <c>i</c> is the world-space unit vector along index axis <c>i</c>
/// (0 = x, 1 = y, 2 = z). MetaImage's <c>TransformMatrix</c> lists these columns one after another, as ITK reads it.
/// </summary>
public sealed record Direction
{
    private readonly double[] m; // row-major 3 × 3: m[row * 3 + column]

    private Direction(double[] rowMajor) => m = rowMajor;

    /// <summary>The identity: index axes x, y, z run along world x, y, z.</summary>
    public static Direction Identity { get; } = FromColumns([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    /// <summary>
    /// Builds a direction from nine numbers listing the three axis vectors in turn (MetaImage order).
    /// </summary>
    public static Direction FromColumns(IReadOnlyList<double> axisVectors)
    {
        if (axisVectors.Count != 9)
        {
            throw new ArgumentException($"A direction needs 9 numbers, got {axisVectors.Count}.", nameof(axisVectors));
        }

        var rowMajor = new double[9];
        for (var column = 0; column < 3; column++)
        {
            for (var row = 0; row < 3; row++)
            {
                rowMajor[row * 3 + column] = axisVectors[column * 3 + row];
            }
        }

        return new Direction(rowMajor);
    }

    /// <summary>Element at <paramref name="row"/> (world axis) and <paramref name="column"/> (index axis).</summary>
    public double this[int row, int column] => m[row * 3 + column];

    /// <summary>The nine numbers in MetaImage <c>TransformMatrix</c> order (axis vectors in turn).</summary>
    public double[] ToColumns() =>
        [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];

    /// <summary>Multiplies this matrix by <paramref name="v"/>.</summary>
    public Vector3D Apply(Vector3D v) => new(
        m[0] * v.X + m[1] * v.Y + m[2] * v.Z,
        m[3] * v.X + m[4] * v.Y + m[5] * v.Z,
        m[6] * v.X + m[7] * v.Y + m[8] * v.Z);

    /// <summary>The inverse matrix; a general inverse, so sheared or non-orthonormal directions work too.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular.</exception>
    public Direction Inverse()
    {
        var det = m[0] * (m[4] * m[8] - m[5] * m[7])
                - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
        if (Math.Abs(det) < 1e-12)
        {
            throw new InvalidOperationException($"Direction matrix {this} is singular and cannot map world to index.");
        }

        var inv = new double[9];
        inv[0] = (m[4] * m[8] - m[5] * m[7]) / det;
        inv[1] = (m[2] * m[7] - m[1] * m[8]) / det;
        inv[2] = (m[1] * m[5] - m[2] * m[4]) / det;
        inv[3] = (m[5] * m[6] - m[3] * m[8]) / det;
        inv[4] = (m[0] * m[8] - m[2] * m[6]) / det;
        inv[5] = (m[2] * m[3] - m[0] * m[5]) / det;
        inv[6] = (m[3] * m[7] - m[4] * m[6]) / det;
        inv[7] = (m[1] * m[6] - m[0] * m[7]) / det;
        inv[8] = (m[0] * m[4] - m[1] * m[3]) / det;
        return new Direction(inv);
    }

    /// <summary>True when every element is within <paramref name="tolerance"/> of <paramref name="other"/>'s.</summary>
    public bool ApproximatelyEquals(Direction other, double tolerance = 1e-6) =>
        m.Zip(other.m).All(p => Math.Abs(p.First - p.Second) <= tolerance);

    public bool Equals(Direction? other) => other is not null && m.AsSpan().SequenceEqual(other.m);

    public override int GetHashCode() => HashCode.Combine(m[0], m[4], m[8]);

    public override string ToString() => "[" + string.Join(' ', ToColumns().Select(v => v.ToString("0.######",
        System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
