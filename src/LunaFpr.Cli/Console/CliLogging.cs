using Microsoft.Extensions.Logging;

namespace LunaFpr.Cli.Console;

/// <summary>
/// One console logger setup for every command: warnings and up by default, info with LUNAFPR_VERBOSE=1.
/// </summary>
internal static class CliLogging
{
    public static ILoggerFactory CreateFactory() => LoggerFactory.Create(builder =>
    {
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = null;
        });
        var verbose = Environment.GetEnvironmentVariable("LUNAFPR_VERBOSE") is "1" or "true";
        builder.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
    });
}
