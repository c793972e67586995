namespace LunaFpr.Learning.Training;

/// <summary>
/// Writes files so that a reader, or a run killed midway, sees either the old file or the complete new one:
/// the content goes to a temporary name in the same folder, which is then renamed over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), -1, leaveOpen: true);
        writer.Write(text);
    });

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> atomically.</summary>
    public static void Copy(string source, string destination) => Write(destination, stream =>
    {
        using var input = File.OpenRead(source);
        input.CopyTo(stream);
    });

    /// <summary>
    /// Lets <paramref name="fill"/> write the content into a stream, then renames it to <paramref name="path"/>.
    /// On failure the temporary file is removed and the old file, if any, is untouched.
    /// </summary>
    public static void Write(string path, Action<Stream> fill)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                fill(stream);

                // Some writers (TorchSharp's among them) close the stream they are given.
                if (stream.CanWrite)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
