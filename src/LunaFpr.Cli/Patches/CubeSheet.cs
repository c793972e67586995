using LunaFpr.Patches;
using SkiaSharp;

namespace LunaFpr.Cli.Patches;

/// <summary>
/// Draws one cube as a PNG sheet: its axial slices (z = 0 at the top left, row by row) in the lung window, grey
/// 0–255, each voxel <see cref="Scale"/> pixels wide, with a caption. The centre slice (z = Z/2) is framed in red,
/// so a misplaced cube shows at a glance.
/// </summary>
internal static class CubeSheet
{
    public const int Scale = 3;
    private const int Gap = 2;
    private const int CaptionHeight = 22;

    /// <summary>Renders <paramref name="huCube"/> (int16 HU, (z, y, x) of <paramref name="shape"/>) as PNG.</summary>
    public static byte[] Render(ReadOnlySpan<short> huCube, CubeShape shape, string caption)
    {
        var columns = (int)Math.Ceiling(Math.Sqrt(shape.Z * 16.0 / 9));
        var rows = (shape.Z + columns - 1) / columns;
        var tileWidth = shape.X * Scale + Gap;
        var tileHeight = shape.Y * Scale + Gap;
        var width = Math.Max(columns * tileWidth + Gap, 320);
        using var bitmap = new SKBitmap(width, rows * tileHeight + Gap + CaptionHeight, SKColorType.Rgba8888,
            SKAlphaType.Opaque);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(40, 40, 48));

        var lung = new float[shape.VoxelCount];
        HuWindow.Lung.Apply(huCube, lung);
        for (var z = 0; z < shape.Z; z++)
        {
            var left = Gap + z % columns * tileWidth;
            var top = CaptionHeight + Gap + z / columns * tileHeight;
            DrawSlice(canvas, lung.AsSpan(z * shape.Y * shape.X, shape.Y * shape.X), shape, left, top);
            if (z == shape.Z / 2)
            {
                using var frame = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
                canvas.DrawRect(left - 1, top - 1, shape.X * Scale + 1, shape.Y * Scale + 1, frame);
            }
        }

        using var font = new SKFont(SKTypeface.Default, 13);
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText(caption, Gap + 2, 16, font, ink);
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawSlice(SKCanvas canvas, ReadOnlySpan<float> slice, CubeShape shape, int left, int top)
    {
        using var paint = new SKPaint();
        for (var y = 0; y < shape.Y; y++)
        {
            for (var x = 0; x < shape.X; x++)
            {
                var grey = (byte)Math.Round(slice[y * shape.X + x] * 255);
                paint.Color = new SKColor(grey, grey, grey);
                canvas.DrawRect(left + x * Scale, top + y * Scale, Scale, Scale, paint);
            }
        }
    }
}
