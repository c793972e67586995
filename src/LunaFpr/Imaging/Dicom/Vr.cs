namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// Value representations as two-letter codes packed into a <see cref="ushort"/> (first letter high), and the one
/// fact about them that parsing needs: whether explicit-VR encoding gives them a 4-byte length.
/// </summary>
internal static class Vr
{
    public static readonly ushort UN = Code((byte)'U', (byte)'N');

    // PS3.5 7.1.2: these carry two reserved bytes and a 32-bit length; every other VR a 16-bit length.
    private static readonly HashSet<ushort> LongLength = new[]
    {
        "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV",
    }.Select(s => Code((byte)s[0], (byte)s[1])).ToHashSet();

    public static ushort Code(byte first, byte second) => (ushort)((first << 8) | second);

    public static bool IsLetters(byte first, byte second) => first is >= (byte)'A' and <= (byte)'Z'
        && second is >= (byte)'A' and <= (byte)'Z';

    public static bool HasLongLength(ushort vr) => LongLength.Contains(vr);
}
