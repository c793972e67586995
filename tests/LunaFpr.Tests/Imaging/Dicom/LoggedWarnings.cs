using LunaFpr.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LunaFpr.Tests.Imaging.Dicom;

internal static class LoggedWarnings
{
    /// <summary>The messages logged at warning level, in order.</summary>
    public static List<string> Warnings(this ListLogger logger) =>
        logger.Messages.Where(m => m.Level == LogLevel.Warning).Select(m => m.Message).ToList();
}
