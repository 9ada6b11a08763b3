#!/usr/bin/env bash
# Build-time cost of the generator: `dotnet build` of one consumer that generates the client at compile
# time vs the same consumer with the generated sources checked in (copied from the first one's output).
# Each measured build follows a touch of Program.cs, so CoreCompile always runs (the edit-build loop);
# the runtime and generator are built once up front and not rebuilt (BuildProjectReferences=false).
# Target: with generator <= +10%. Needs hyperfine (apt-get install hyperfine), else a timed loop.
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
using CatchAll.Runtime;

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

        var submitted = await client.Jobs.CreateJobAsync(new SubmitRequestDto { Query = args[0], Limit = 10 });
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
  build_args="$build_args -p:UseSharedCompilation=true"
  servers_before=$(pgrep -f VBCSCompiler || true)
  stop_server() {
    for pid in $(pgrep -f VBCSCompiler || true); do
      case " $servers_before " in *" $pid "*) ;; *) kill "$pid" 2>/dev/null || true ;; esac
    done
  }
  trap stop_server EXIT
  echo "== compiling through the compiler server; warming it with 3 builds of each variant"
  for _ in 1 2 3; do
    for dir in CheckedIn WithGenerator; do touch "$work/$dir/Program.cs"; dotnet build "$work/$dir" $build_args > /dev/null; done
  done
fi
with_cmd="dotnet build $work/WithGenerator $build_args"
checked_cmd="dotnet build $work/CheckedIn $build_args"

echo "== load before: $(uptime)"
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs "$runs" --export-json "$work/hyperfine.json" \
    --prepare "touch $work/CheckedIn/Program.cs" -n checked-in "$checked_cmd" \
    --prepare "touch $work/WithGenerator/Program.cs" -n with-generator "$with_cmd"
  python3 - "$work/hyperfine.json" <<'PY'
import json, statistics, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
checked, gen = results["checked-in"], results["with-generator"]
mc, mg = statistics.median(checked["times"]), statistics.median(gen["times"])
print(f"wall median: checked-in {mc:.3f} s, with generator {mg:.3f} s, ratio {mg / mc:.3f} (target <= 1.10)")
# CPU time (user + system of the build's processes) moves far less than wall time when others share the cores.
# With --server it leaves out the compiler server, which does the compiling: read the wall ratio then.
cc, cg = checked["user"] + checked["system"], gen["user"] + gen["system"]
print(f"cpu mean:    checked-in {cc:.3f} s, with generator {cg:.3f} s, ratio {cg / cc:.3f}")
PY
else
  for variant in checked-in with-generator; do
    if [ "$variant" = checked-in ]; then cmd=$checked_cmd; dir=CheckedIn; else cmd=$with_cmd; dir=WithGenerator; fi
    times=()
    for i in $(seq 0 "$runs"); do
      touch "$work/$dir/Program.cs"
      start=$(date +%s.%N); $cmd > /dev/null; end=$(date +%s.%N)
      [ "$i" -gt 0 ] && times+=("$(echo "$end - $start" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v v="$variant" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s median %.3f s over %d runs\n", v, m, NR}'
  done
fi
echo "== load after: $(uptime)"
