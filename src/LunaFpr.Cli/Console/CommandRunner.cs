using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.Console;

/// <summary>
/// Runs a command body and turns the exceptions that mean "your input is wrong" into one red line and exit
/// code 2, so a user sees the file, key and fix instead of a stack trace. Anything else is a bug and keeps
/// its stack trace (exit code 1).
/// </summary>
internal static class CommandRunner
{
    public const int InputError = 2;

    public static int Run(Func<ILoggerFactory, int> body)
    {
        using var loggers = CliLogging.CreateFactory();
        try
        {
            return body(loggers);
        }
        catch (Exception e) when (IsInputError(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return InputError;
        }
    }

    public static Task<int> RunAsync(Func<ILoggerFactory, CancellationToken, Task<int>> body, CancellationToken cancel)
    {
        return RunCore();

        async Task<int> RunCore()
        {
            using var loggers = CliLogging.CreateFactory();
            try
            {
                return await body(loggers, cancel);
            }
            catch (Exception e) when (IsInputError(e))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return InputError;
            }
        }
    }

    private static bool IsInputError(Exception e) => e is InvalidDataException or FileNotFoundException
        or DirectoryNotFoundException or NotSupportedException or FormatException or ArgumentException
        or IOException or UnauthorizedAccessException;
}
