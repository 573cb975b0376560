using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// The generated benchmark project is built out of process; on a loaded machine that takes longer than
// BenchmarkDotNet's default two minutes, and a timed-out build reports every benchmark as NA.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(20));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
