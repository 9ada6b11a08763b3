#!/usr/bin/env bash
# Build-time cost of the generator: `dotnet build` of one consumer that generates the client at compile
# time vs the same consumer with the generated sources checked in (copied from the first one's output).
# Each measured build follows a touch of Program.cs, so CoreCompile always runs (the edit-build loop);
# the runtime and generator are built once up front and not rebuilt (BuildProjectReferences=false).
# Target: with generator <= +10%. Needs only bash, python3 and the SDK.
#
#   bench/build-bench.sh [runs] [--server]   (default 10 runs after 1 warm-up, per variant)
#
# --server compiles through the compiler server (VBCSCompiler), as a developer machine does by default; the
# environment here sets UseSharedCompilation=false, so without it every build starts a cold csc, which pays the
# generator's JIT each time. The server this script starts is stopped (by its pid) at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
server=false
[ "${2:-}" = "--server" ] && server=true
work=bench/obj/build-bench
rm -rf "$work"
mkdir -p "$work/WithGenerator" "$work/CheckedIn/Generated"

program='using System;
using System.Threading.Tasks;
using CatchAll;
using CatchAll.Models;

namespace Consumer;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
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
printf '%s\n' "$program" > "$work/WithGenerator/Program.cs"
printf '%s\n' "$program" > "$work/CheckedIn/Program.cs"

cat > "$work/WithGenerator/WithGenerator.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <UseCatchAllCodegen>true</UseCatchAllCodegen>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <ItemGroup>
    <Compile Remove="generated/**" />
  </ItemGroup>
</Project>
XML
cat > "$work/CheckedIn/CheckedIn.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$(RepoRoot)runtime/CatchAll.Runtime/CatchAll.Runtime.csproj" />
  </ItemGroup>
</Project>
XML

echo "== preparing: restore and first build of both consumers (builds runtime and generator)"
dotnet build "$work/WithGenerator" -c Release > "$work/with.log" 2>&1 || { cat "$work/with.log"; exit 1; }
find "$work/WithGenerator/generated" -name '*.g.cs' -exec cp {} "$work/CheckedIn/Generated/" \;
count=$(find "$work/CheckedIn/Generated" -name '*.g.cs' | wc -l)
lines=$(cat "$work/CheckedIn/Generated"/*.g.cs | wc -l)
echo "   checked-in copy: $count files, $lines lines"
dotnet build "$work/CheckedIn" -c Release > "$work/checkedin.log" 2>&1 || { cat "$work/checkedin.log"; exit 1; }
# Emitting the files to disk is an extra the checked-in variant does not have; measure without it.
sed -i 's|<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>|<EmitCompilerGeneratedFiles>false</EmitCompilerGeneratedFiles>|' "$work/WithGenerator/WithGenerator.csproj"
dotnet build "$work/WithGenerator" -c Release > "$work/with.log" 2>&1 || { cat "$work/with.log"; exit 1; }

build_args="--no-restore -c Release -p:BuildProjectReferences=false -v:q -nologo"
if $server; then
  . bench/compiler-server.sh # the scripts run from the repository root
  use_compiler_server
  echo "== compiling through the compiler server; warming it with 3 builds of each variant"
  for _ in 1 2 3; do
    for dir in CheckedIn WithGenerator; do touch "$work/$dir/Program.cs"; dotnet build "$work/$dir" $build_args > /dev/null; done
  done
fi
with_cmd="dotnet build $work/WithGenerator $build_args"
checked_cmd="dotnet build $work/CheckedIn $build_args"

echo "== load before: $(uptime)"
# Interleaved rounds (A B, then B A, ...) rather than all of A then all of B: on a shared 2-core machine the
# speed drifts over minutes, and a block design hands the drift to one side. Bash's `time` gives wall and the
# CPU (user + sys) of every process the build waited for (MSBuild, csc).
TIMEFORMAT='%R %U %S'
results="$work/rounds.txt"
: > "$results"
measure() { # variant dir cmd
  touch "$work/$2/Program.cs"
  local t
  t=$( { time $3 > /dev/null 2>&1; } 2>&1 )
  echo "$1 $t" >> "$results"
}
measure warmup CheckedIn "$checked_cmd"
measure warmup WithGenerator "$with_cmd"
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) -eq 1 ]; then
    measure checked-in CheckedIn "$checked_cmd"; measure with-generator WithGenerator "$with_cmd"
  else
    measure with-generator WithGenerator "$with_cmd"; measure checked-in CheckedIn "$checked_cmd"
  fi
done
if $server; then echo "(--server: the CPU column leaves out the compiler server, which does the compiling; read the wall ratio)"; fi
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if not line.startswith("warmup")]
def pick(name, col): return [float(r[col]) + (float(r[3]) if col == 2 else 0) for r in rows if r[0] == name]
cw, gw = pick("checked-in", 1), pick("with-generator", 1)
cc, gc = pick("checked-in", 2), pick("with-generator", 2)
print(f"runs: {len(cw)} per variant, interleaved")
print(f"wall median: checked-in {statistics.median(cw):.3f} s, with generator {statistics.median(gw):.3f} s, ratio {statistics.median(gw) / statistics.median(cw):.3f} (target <= 1.10)")
print(f"wall, median of per-round ratios: {statistics.median([g / c for g, c in zip(gw, cw)]):.3f} (min {min(g / c for g, c in zip(gw, cw)):.3f}, max {max(g / c for g, c in zip(gw, cw)):.3f})")
print(f"cpu median:  checked-in {statistics.median(cc):.3f} s, with generator {statistics.median(gc):.3f} s, ratio {statistics.median(gc) / statistics.median(cc):.3f}")
PY
echo "== load after: $(uptime)"
