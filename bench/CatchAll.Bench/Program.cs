using System;
using System.Linq;
using BenchmarkDotNet.Running;
using CatchAll.Bench;

// `info` prints the sizes the docs quote (generated lines, payload bytes) and proves the incremental
// claim; anything else goes to BenchmarkDotNet (`--filter '*'`, `--job short`, `--list flat`, ...).
if (args.FirstOrDefault() == "info")
{
    return await Info.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Info).Assembly).Run(args);
return 0;
