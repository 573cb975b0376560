using Remapper.Cli;

LibcBinding.Register();
// The tree is built in RemapperCli (run, check, test, keys, devices, doctor) so tests can drive it in-process.
return RemapperCli.Run(args, Console.Out, Console.Error);
