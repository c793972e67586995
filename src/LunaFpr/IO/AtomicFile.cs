using System.Text;

namespace LunaFpr.IO;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a partial one:
/// the content goes to a temporary name in the same folder, which is renamed over the target at the end.
/// </summary>
public static class AtomicFile
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes UTF-8 text (no BOM, LF line ends) through <paramref name="write"/> and renames it into place.
    /// If <paramref name="write"/> throws, the temporary file is removed and the target is left untouched.
    /// </summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
            writer.NewLine = "\n";
            write(writer);
        });
    }

    /// <summary>Writes bytes through <paramref name="write"/> to a temporary file, then renames it.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"Cannot write '{path}': the folder '{folder}' does not exist; create it first.");
        }

        // A dot-prefixed name in the same folder keeps the rename on one file system (so it is atomic).
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
