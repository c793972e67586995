namespace LunaFpr.Patches;

/// <summary>
/// Contrast-limited adaptive histogram equalisation (CLAHE) of one 2D slice with values in [0, 1], written by
/// hand because no library the project uses offers it on float spans. The slice is cut into a grid of tiles;
/// each tile's histogram (<see cref="Bins"/> bins) is clipped at <see cref="ClipLimit"/> of its pixel count per
/// bin (excess spread evenly over all bins) and turned into a cumulative mapping; every pixel blends the
/// mappings of its four nearest tile centres bilinearly, as Zuiderveld's method and scikit-image do.
/// </summary>
/// <param name="TilesY">Tiles down the slice; default 2, so a 40-row cube slice has 20-row tiles.</param>
/// <param name="TilesX">Tiles across the slice; default 2.</param>
/// <param name="Bins">Histogram bins; SPEC §2.4 asks for 256.</param>
/// <param name="ClipLimit">Highest share of a tile's pixels one bin may hold before clipping; default 0.01.</param>
public sealed record Clahe(int TilesY = 2, int TilesX = 2, int Bins = 256, double ClipLimit = 0.01)
{
    /// <summary>The settings the cube channel uses.</summary>
    public static Clahe Default { get; } = new();

    /// <summary>
    /// Equalises <paramref name="slice"/> (<paramref name="height"/> × <paramref name="width"/>, row-major,
    /// values in [0, 1]) into <paramref name="destination"/> (same size), values in [0, 1].
    /// </summary>
    public void Apply(ReadOnlySpan<float> slice, int height, int width, Span<float> destination)
    {
        if (slice.Length < height * width || destination.Length < height * width)
        {
            throw new ArgumentException($"A {height} × {width} slice needs {height * width} values.");
        }

        var tilesY = Math.Clamp(TilesY, 1, height);
        var tilesX = Math.Clamp(TilesX, 1, width);
        var maps = new float[tilesY * tilesX * Bins];
        for (var ty = 0; ty < tilesY; ty++)
        {
            for (var tx = 0; tx < tilesX; tx++)
            {
                var (y0, y1) = TileBounds(ty, tilesY, height);
                var (x0, x1) = TileBounds(tx, tilesX, width);
                BuildMap(slice, width, y0, y1, x0, x1, maps.AsSpan((ty * tilesX + tx) * Bins, Bins));
            }
        }

        for (var y = 0; y < height; y++)
        {
            var (ta, tb, wy) = Neighbours(y, tilesY, height);
            for (var x = 0; x < width; x++)
            {
                var (ua, ub, wx) = Neighbours(x, tilesX, width);
                var bin = BinOf(slice[y * width + x]);
                var top = Lerp(maps[(ta * tilesX + ua) * Bins + bin], maps[(ta * tilesX + ub) * Bins + bin], wx);
                var bottom = Lerp(maps[(tb * tilesX + ua) * Bins + bin], maps[(tb * tilesX + ub) * Bins + bin], wx);
                destination[y * width + x] = Lerp(top, bottom, wy);
            }
        }
    }

    private int BinOf(float value) => Math.Clamp((int)(value * Bins), 0, Bins - 1);

    private static float Lerp(float a, float b, float t) => a + (b - a) * t;

    private static (int Start, int End) TileBounds(int tile, int tiles, int length) =>
        (tile * length / tiles, (tile + 1) * length / tiles);

    /// <summary>The two tiles whose centres bracket pixel <paramref name="p"/>, and the weight of the second.</summary>
    private static (int First, int Second, float Weight) Neighbours(int p, int tiles, int length)
    {
        var tileSize = (double)length / tiles;
        var position = (p + 0.5) / tileSize - 0.5; // in units of tiles, 0 at the first tile's centre
        if (position <= 0)
        {
            return (0, 0, 0f);
        }

        if (position >= tiles - 1)
        {
            return (tiles - 1, tiles - 1, 0f);
        }

        var first = (int)position;
        return (first, first + 1, (float)(position - first));
    }

    /// <summary>Clipped, redistributed cumulative histogram of one tile, scaled to [0, 1].</summary>
    private void BuildMap(ReadOnlySpan<float> slice, int width, int y0, int y1, int x0, int x1, Span<float> map)
    {
        Span<int> histogram = stackalloc int[Bins];
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                histogram[BinOf(slice[y * width + x])]++;
            }
        }

        var pixels = (y1 - y0) * (x1 - x0);
        var limit = Math.Max(1, (int)(ClipLimit * pixels));
        var excess = 0;
        for (var b = 0; b < Bins; b++)
        {
            if (histogram[b] > limit)
            {
                excess += histogram[b] - limit;
                histogram[b] = limit;
            }
        }

        // Spread the clipped excess evenly, the remainder one count per bin from the start.
        var share = excess / Bins;
        var remainder = excess % Bins;
        var cumulative = 0;
        for (var b = 0; b < Bins; b++)
        {
            cumulative += histogram[b] + share + (b < remainder ? 1 : 0);
            map[b] = (float)cumulative / pixels;
        }
    }
}
