using System.CommandLine;
using Remapper.Cli.Commands;

// STUB command tree: the offline commands (check, test, keys) land with the foundation work.
var root = new RootCommand("Remapper: a keyboard remapping daemon");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(DevicesCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());
return root.Parse(args).Invoke();
