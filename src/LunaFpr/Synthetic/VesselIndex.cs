using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// Finds vessel pieces near a point quickly: a uniform grid of 8 mm cells listing the pieces whose bounding
/// boxes touch each cell. Planners ask it how far a point is from the nearest vessel wall.
/// </summary>
internal sealed class VesselIndex
{
    private const double CellMm = 8;
    private readonly IReadOnlyList<VesselPiece> pieces;
    private readonly Dictionary<(int, int, int), List<int>> cells = [];

    public VesselIndex(IReadOnlyList<VesselPiece> pieces)
    {
        this.pieces = pieces;
        for (var i = 0; i < pieces.Count; i++)
        {
            var tube = pieces[i].Tube;
            var r = tube.MaxRadiusMm;
            var (lo, hi) = (Cell(Min(tube.Start, tube.End, -r)), Cell(Max(tube.Start, tube.End, r)));
            for (var x = lo.Item1; x <= hi.Item1; x++)
            {
                for (var y = lo.Item2; y <= hi.Item2; y++)
                {
                    for (var z = lo.Item3; z <= hi.Item3; z++)
                    {
                        CellList((x, y, z)).Add(i);
                    }
                }
            }
        }
    }

    /// <summary>Indices of pieces whose boxes come within <paramref name="reachMm"/> of <paramref name="p"/>.</summary>
    public IEnumerable<int> Near(Vector3D p, double reachMm)
    {
        var (lo, hi) = (Cell(p - new Vector3D(reachMm, reachMm, reachMm)),
            Cell(p + new Vector3D(reachMm, reachMm, reachMm)));
        var seen = new HashSet<int>();
        for (var x = lo.Item1; x <= hi.Item1; x++)
        {
            for (var y = lo.Item2; y <= hi.Item2; y++)
            {
                for (var z = lo.Item3; z <= hi.Item3; z++)
                {
                    if (!cells.TryGetValue((x, y, z), out var list))
                    {
                        continue;
                    }

                    foreach (var i in list.Where(seen.Add))
                    {
                        yield return i;
                    }
                }
            }
        }
    }

    /// <summary>Distance (mm) from <paramref name="p"/> to the nearest vessel wall within
    /// <paramref name="reachMm"/> (negative inside a vessel), or <paramref name="reachMm"/> when none is.</summary>
    public double WallDistance(Vector3D p, double reachMm)
    {
        var best = reachMm;
        foreach (var i in Near(p, reachMm))
        {
            best = Math.Min(best, pieces[i].Tube.SurfaceDistance(p));
        }

        return best;
    }

    private List<int> CellList((int, int, int) key)
    {
        if (!cells.TryGetValue(key, out var list))
        {
            list = [];
            cells[key] = list;
        }

        return list;
    }

    private static (int, int, int) Cell(Vector3D p) =>
        ((int)Math.Floor(p.X / CellMm), (int)Math.Floor(p.Y / CellMm), (int)Math.Floor(p.Z / CellMm));

    private static Vector3D Min(Vector3D a, Vector3D b, double pad) =>
        new(Math.Min(a.X, b.X) + pad, Math.Min(a.Y, b.Y) + pad, Math.Min(a.Z, b.Z) + pad);

    private static Vector3D Max(Vector3D a, Vector3D b, double pad) =>
        new(Math.Max(a.X, b.X) + pad, Math.Max(a.Y, b.Y) + pad, Math.Max(a.Z, b.Z) + pad);
}
