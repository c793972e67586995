using System.CommandLine;
using LunaFpr.Cli.Commands;

var root = new RootCommand(
    "LunaFpr: false-positive reduction for lung nodule detection in chest CT, following the LUNA16 protocol.");

Command[] commands =
[
    InfoCommand.Create(),
    ConvertCommand.Create(),
    EvaluateCommand.Create(),
    PrepareCommand.Create(),
    PatchesCommand.Create(),
    TrainCommand.Create(),
    PredictCommand.Create(),
    CvCommand.Create(),
    ReportCommand.Create(),
    SynthCommand.Create(),
    DemoCommand.Create(),
];
foreach (var command in commands)
{
    root.Subcommands.Add(command);
}

return root.Parse(args).Invoke();
