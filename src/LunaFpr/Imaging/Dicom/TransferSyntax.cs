namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// How a DICOM dataset is encoded: explicit or implicit VR, byte order, and whether its pixel data is stored
/// plainly (native) or compressed in fragments (encapsulated). LunaFpr decodes native pixel data only.
/// </summary>
/// <param name="Uid">Transfer Syntax UID from the file meta group (0002,0010).</param>
/// <param name="Name">The name the DICOM standard (PS3.6) gives the UID.</param>
/// <param name="IsExplicitVr">Elements carry their two-letter value representation.</param>
/// <param name="IsBigEndian">Numbers, tags and lengths are most significant byte first.</param>
/// <param name="IsNative">Pixel data is plain samples that LunaFpr can read; false for every compressed syntax.</param>
public sealed record TransferSyntax(string Uid, string Name, bool IsExplicitVr, bool IsBigEndian, bool IsNative)
{
    public static readonly TransferSyntax ImplicitVrLittleEndian =
        new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, true);

    public static readonly TransferSyntax ExplicitVrLittleEndian =
        new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, true);

    public static readonly TransferSyntax ExplicitVrBigEndian =
        new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, true);

    /// <summary>The dataset itself is deflated, so not even its header can be read without inflating it.</summary>
    public static readonly TransferSyntax DeflatedExplicitVrLittleEndian =
        new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, false);

    private static readonly Dictionary<string, TransferSyntax> Known = new[]
    {
        ImplicitVrLittleEndian,
        ExplicitVrLittleEndian,
        ExplicitVrBigEndian,
        DeflatedExplicitVrLittleEndian,
        Compressed("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian"),
        Compressed("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)"),
        Compressed("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)"),
        Compressed("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)"),
        Compressed("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction"),
        Compressed("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
        Compressed("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
        Compressed("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)"),
        Compressed("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression"),
        Compressed("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component (Lossless Only)"),
        Compressed("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component"),
        Compressed("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 (Lossless Only)"),
        Compressed("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL (Lossless Only)"),
        Compressed("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000"),
        Compressed("1.2.840.10008.1.2.5", "RLE Lossless"),
    }.ToDictionary(s => s.Uid);

    /// <summary>The three syntaxes whose pixel data LunaFpr reads, for messages that say what is supported.</summary>
    public static string SupportedNames =>
        $"{ExplicitVrLittleEndian.Name}, {ImplicitVrLittleEndian.Name}, {ExplicitVrBigEndian.Name}";

    /// <summary>
    /// The syntax a UID names. An unknown UID is taken as some compressed syntax: PS3.5 encodes every syntax
    /// other than the three native ones (and deflate) as Explicit VR Little Endian with encapsulated pixels.
    /// </summary>
    public static TransferSyntax FromUid(string uid) =>
        Known.TryGetValue(uid, out var known) ? known : Compressed(uid, $"unknown transfer syntax {uid}");

    public override string ToString() => $"{Name} ({Uid})";

    private static TransferSyntax Compressed(string uid, string name) => new(uid, name, true, false, false);
}
