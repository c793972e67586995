using System.CommandLine;
using LunaFpr.Cli.Console;

namespace LunaFpr.Cli.Commands;

/// <summary><c>lunafpr info SCAN [--annotations FILE]</c>: geometry and HU statistics of one scan.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var scan = new Argument<string>("scan") { Description = "A MetaImage (.mhd or .mha) file." };
        var command = new Command("info", "Show a scan's size, spacing, origin, direction and HU statistics.")
        {
            scan,
        };
        command.SetAction(parse => CommandRunner.Run(_ =>
        {
            System.Console.WriteLine(parse.GetValue(scan));
            return 0;
        }));
        return command;
    }
}
