#!/usr/bin/env bash
# What a one-line edit costs a consumer: `dotnet build` after changing one line of Program.cs, for a
# hello-world console and for consoles that use a CatchAll client, each as a ratio to the hello world's
# rebuild in the same round (interleaved, rotating order; the ratio is the median of per-round ratios).
#
#   catchall       UseCatchAllCodegen=true: the generator runs in csc on every build (bundled spec)
#   catchall-jobs  the same with <CatchAllResources>Jobs</CatchAllResources> (the Jobs client and what it reaches)
#   catchall-pkg   CatchAll.Codegen as a user gets it: a PackageReference to the packed package (packed here
#                  with a unique version), so MSBuild resolves no ProjectReference to the generator and runtime
#   jobs-pkg       the same with <CatchAllResources>Jobs</CatchAllResources>
#   nswag          NSwag 14.8's client for the same spec, its generated file checked in
#   precompiled    catchall-pkg's generated sources compiled once into a library the console references (with
#                  the runtime package), no generator: what a package shipping the bundled spec's client
#                  precompiled would cost a consumer (a design option, see docs/benchmarks.md)
#   hello          Console.WriteLine only: the floor every build pays (MSBuild, csc start, references)
#
#   bench/rebuild-bench.sh [rounds] [--server]   (default 8 rounds after one warm-up round)
#
# The NSwag file is the one CatchAll.Bench generates (bench/CatchAll.Bench/obj/Release/NSwagClient.g.cs);
# the script builds CatchAll.Bench once if it is missing. Each variant builds with the repo's own props
# (warnings as errors, nullable) except NSwag's, whose output is not warning-clean under them.
# --server compiles through the compiler server (the environment here sets UseSharedCompilation=false).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-8}
server=false
[ "${2:-}" = "--server" ] && server=true
work=bench/obj/rebuild-bench
nswag=bench/CatchAll.Bench/obj/Release/NSwagClient.g.cs
if [ ! -f "$nswag" ]; then
  echo "== building CatchAll.Bench once for NSwag's client"
  dotnet build -c Release bench/CatchAll.Bench > /dev/null
fi
rm -rf "$work"
variants="hello catchall catchall-jobs catchall-pkg jobs-pkg nswag precompiled"
for v in $variants; do mkdir -p "$work/$v"; done
feed="$(pwd)/$work/feed"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)-bench$(date -u +%s)"
echo "== packing CatchAll.Runtime and CatchAll.Codegen $version into $work/feed"
for p in runtime/CatchAll.Runtime generator/CatchAll.Codegen; do
  dotnet pack "$p" -c Release -o "$feed" -p:PackageVersion="$version" > "$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
done

catchall_program='using System;
using System.Threading.Tasks;
using CatchAll;
using CatchAll.Models;

namespace Consumer;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // edit 0
        using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = "key", BaseAddress = new Uri("http://127.0.0.1:1/") });
        if (args.Length == 0)
        {
            return 0;
        }

        var submitted = await client.Jobs.CreateJobAsync(new SubmitRequest { Query = args[0], Limit = 10 });
        var status = await client.Jobs.GetJobStatusAsync(submitted.JobId);
        Console.WriteLine(status.Status);
        return 0;
    }
}'
nswag_program='using System;
using System.Net.Http;
using System.Threading.Tasks;
using CatchAll.Bench.Peer;

namespace Consumer;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // edit 0
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1/") };
        if (args.Length == 0)
        {
            return 0;
        }

        var client = new JobsClient(http);
        var submitted = await client.CreateJobAsync(new SubmitRequestDto { Query = args[0], Limit = 10 });
        var status = await client.GetJobStatusAsync(submitted.Job_id);
        Console.WriteLine(status.Status);
        return 0;
    }
}'
hello_program='using System;

namespace Consumer;

public static class Program
{
    public static int Main()
    {
        // edit 0
        Console.WriteLine("Hello, World!");
        return 0;
    }
}'
printf '%s\n' "$hello_program" > "$work/hello/Program.cs"
printf '%s\n' "$catchall_program" > "$work/catchall/Program.cs"
printf '%s\n' "$catchall_program" > "$work/catchall-jobs/Program.cs"
printf '%s\n' "$catchall_program" > "$work/catchall-pkg/Program.cs"
printf '%s\n' "$catchall_program" > "$work/jobs-pkg/Program.cs"
printf '%s\n' "$nswag_program" > "$work/nswag/Program.cs"
printf '%s\n' "$catchall_program" > "$work/precompiled/Program.cs"
cp "$nswag" "$work/nswag/NSwagClient.g.cs"

project() { # extra properties
  cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
$1
  </PropertyGroup>
</Project>
XML
}
project "" > "$work/hello/hello.csproj"
project "    <UseCatchAllCodegen>true</UseCatchAllCodegen>" > "$work/catchall/catchall.csproj"
project "    <UseCatchAllCodegen>true</UseCatchAllCodegen>
    <CatchAllResources>Jobs</CatchAllResources>" > "$work/catchall-jobs/catchall-jobs.csproj"
# The packed version in a private packages folder (dependencies come from the machine's cache as a fallback), so
# nothing is left in the global cache; no central package management for these two.
package_project() { # extra properties
  project "    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <RestorePackagesPath>$(pwd)/$work/packages</RestorePackagesPath>
    <RestoreAdditionalProjectSources>$feed</RestoreAdditionalProjectSources>
    <RestoreFallbackFolders>$HOME/.nuget/packages</RestoreFallbackFolders>
$1" | sed "s|</Project>|  <ItemGroup><PackageReference Include=\"CatchAll.Codegen\" Version=\"$version\" /></ItemGroup>\n</Project>|"
}
package_project "" > "$work/catchall-pkg/catchall-pkg.csproj"
package_project "    <CatchAllResources>Jobs</CatchAllResources>" > "$work/jobs-pkg/jobs-pkg.csproj"
# precompiled: a throwaway package consumer writes the generated files out, a library compiles them once.
mkdir -p "$work/generated" "$work/client-lib"
printf '%s\n' "$catchall_program" > "$work/generated/Program.cs"
package_project "    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>generated-files</CompilerGeneratedFilesOutputPath>" > "$work/generated/generated.csproj"
package_project "    <AssemblyName>CatchAll.Client</AssemblyName>" | sed 's|<OutputType>Exe</OutputType>|<OutputType>Library</OutputType>|; s|Include="CatchAll.Codegen"|Include="CatchAll.Runtime"|; s|<ItemGroup>|<ItemGroup><Compile Include="../generated/generated-files/CatchAll.Codegen/**/*.cs" />|' > "$work/client-lib/client-lib.csproj"
package_project "" | sed 's|Include="CatchAll.Codegen" Version="[^"]*" />|Include="CatchAll.Runtime" Version="'"$version"'" /><Reference Include="../client-lib/bin/Release/net10.0/CatchAll.Client.dll" />|' > "$work/precompiled/precompiled.csproj"
project "    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <Nullable>disable</Nullable>
    <NoWarn>\$(NoWarn);CS8669;CS0618;CS1591</NoWarn>" > "$work/nswag/nswag.csproj"

echo "== preparing: restore and first build of each consumer"
for v in generated client-lib $variants; do
  dotnet build "$work/$v" -c Release > "$work/$v.log" 2>&1 || { cat "$work/$v.log"; exit 1; }
done
lines=$(wc -l < "$work/nswag/NSwagClient.g.cs")
echo "   NSwag's checked-in client: $lines lines"

build_args="--no-restore -c Release -p:BuildProjectReferences=false -v:q -nologo"
if $server; then
  . bench/compiler-server.sh # the scripts run from the repository root
  use_compiler_server
fi

echo "== load before: $(uptime)"
TIMEFORMAT='%R %U %S'
results="$work/rounds.txt"
: > "$results"
edit=0
measure() { # round variant
  edit=$((edit + 1))
  # A real one-line edit (not a touch): the comment's text changes, so the compilation input changes.
  sed -i "s|// edit [0-9]*|// edit $edit|" "$work/$2/Program.cs"
  local t
  t=$( { time dotnet build "$work/$2" $build_args > /dev/null 2>&1; } 2>&1 )
  echo "$1 $2 $t" >> "$results"
}
set -- $variants
order=("$@")
for round in $(seq 0 "$runs"); do
  n=${#order[@]}
  for k in $(seq 0 $((n - 1))); do
    measure "$round" "${order[$(( (k + round) % n ))]}"
  done
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
rows = [r for r in rows if r[0] != "0"]  # round 0 warms up
rounds = sorted({r[0] for r in rows}, key=int)
def value(r, cpu): return float(r[3]) + float(r[4]) if cpu else float(r[2])
def at(rnd, v, cpu): return next(value(r, cpu) for r in rows if r[0] == rnd and r[1] == v)
print(f"rounds: {len(rounds)}, interleaved in rotating order")
for v in ["hello", "catchall", "catchall-jobs", "catchall-pkg", "jobs-pkg", "nswag", "precompiled"]:
    wall = [at(x, v, False) for x in rounds]
    cpu = [at(x, v, True) for x in rounds]
    line = f"{v:14s} wall median {statistics.median(wall):6.2f} s  cpu median {statistics.median(cpu):6.2f} s"
    if v != "hello":
        rw = [at(x, v, False) / at(x, "hello", False) for x in rounds]
        rc = [at(x, v, True) / at(x, "hello", True) for x in rounds]
        line += f"  vs hello: wall {statistics.median(rw):.2f}x (rounds {min(rw):.2f}-{max(rw):.2f}), cpu {statistics.median(rc):.2f}x"
    print(line)
PY
echo "== load after: $(uptime)"
