using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using CatchAll.Bench;

// `info` prints the sizes the docs quote (generated lines, payload bytes) and proves the incremental
// claim; anything else goes to BenchmarkDotNet (`--filter '*'`, `--job short`, `--list flat`, ...).
if (args.FirstOrDefault() == "info")
{
    return await Info.RunAsync();
}

// `cold [rounds]`: first generation in fresh processes, interleaved (see ColdPaired); `cold-once` is its child.
if (args.FirstOrDefault() == "cold")
{
    return ColdPaired.Run(args.Length > 1 && int.TryParse(args[1], out var n) ? n : 15);
}

if (args.FirstOrDefault() == "cold-once" && args.Length > 1)
{
    return await ColdPaired.OnceAsync(args[1]);
}

// `paired [rounds] [group]`: interleaved A/B ratios that hold up on a busy machine (see Paired).
if (args.FirstOrDefault() == "paired")
{
    var rounds = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 31;
    return await Paired.RunAsync(rounds, args.Length > 2 ? args[2] : null);
}

// Medians are what the targets are stated in; BenchmarkDotNet shows them only for skewed runs by default.
BenchmarkSwitcher.FromAssembly(typeof(Info).Assembly).Run(args, DefaultConfig.Instance.AddColumn(StatisticColumn.Median));
return 0;
