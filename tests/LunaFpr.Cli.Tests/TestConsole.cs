using Spectre.Console;

namespace LunaFpr.Cli.Tests;

/// <summary>A console that writes plain text (no colours, no live progress) to a writer a test can read.</summary>
internal static class TestConsole
{
    public static IAnsiConsole Recording(TextWriter writer, int width = 120)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
