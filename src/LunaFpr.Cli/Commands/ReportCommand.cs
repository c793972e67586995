using System.CommandLine;
using LunaFpr.Cli.Console;
using LunaFpr.Cli.CrossValidation;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary><c>lunafpr report --cv DIR [--store DIR]</c>: rebuilds a cross-validation folder's report.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var cv = new Option<string>("--cv")
        {
            HelpName = "DIR", Description = "A folder written by lunafpr cv.", Required = true,
        };
        var store = new Option<string?>("--store")
        {
            HelpName = "DIR", Description = "The patch store the folds read (default: the one the folder names).",
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            HelpName = "N", Description = "Bootstrap resamples for the bands.", DefaultValueFactory = _ => 1000,
        };
        var command = new Command("report", "Rebuild the HTML and Markdown report of a cross-validation folder.")
        {
            cv, store, bootstrap,
        };
        command.SetAction(parse => CommandRunner.Run(loggers =>
        {
            var layout = new CvLayout(parse.GetValue(cv)!);
            var storePath = parse.GetValue(store) ?? StoreOf(layout);
            using var patches = PatchStore.Open(storePath);
            var runner = new CrossValidationRun(AnsiConsole.Console, patches, layout, CvConfig.Load(layout),
                loggers.CreateLogger("report"));
            CvCommand.MergeAndReport(layout, patches, runner, parse.GetValue(bootstrap));
            return 0;
        }));
        return command;
    }

    private static string StoreOf(CvLayout layout) => File.Exists(layout.StorePointer)
        ? File.ReadAllText(layout.StorePointer).Trim()
        : throw new FileNotFoundException(
            $"'{layout.StorePointer}' is missing, so the patch store is unknown; give it with --store DIR.",
            layout.StorePointer);
}
