#!/usr/bin/env bash
# Every measurement docs/benchmarks.md reports, in the order it reports them, each into its own log under
# bench/results/ (git-ignored): interleaved JSON/HTTP/generator ratios, cold starts in fresh processes, the
# build with and without the generator (fresh csc, then the compiler server), and the sizes. About 15 to 25
# minutes on 2 cores; run it on an otherwise idle machine (see `uptime` in each log).
#
#   bench/run-all.sh [paired-runs]   (default 3 runs of `paired 31`; the docs take the median of the runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
out=bench/results
mkdir -p "$out"
bench() { dotnet run -c Release --project bench/CatchAll.Bench -- "$@"; }

dotnet build -c Release bench/CatchAll.Bench > "$out/build-bench-project.log" 2>&1 || { cat "$out/build-bench-project.log"; exit 1; }
for i in $(seq 1 "$runs"); do
  echo "== paired 31, run $i of $runs"
  bench paired 31 | tee "$out/paired$i.log"
done
echo "== cold 15"
bench cold 15 | tee "$out/cold.log"
echo "== build: fresh csc per build"
bash bench/build-bench.sh 10 | tee "$out/build.log"
echo "== build: compiler server"
bash bench/build-bench.sh 10 --server | tee "$out/build-server.log"
echo "== a one-line edit's rebuild vs a hello world's"
bash bench/rebuild-bench.sh 6 | tee "$out/rebuild.log"
echo "== sizes and the incremental proof"
bench info | tee "$out/info.log"
echo "logs in $out/"
