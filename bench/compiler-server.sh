# Sourced by the build benchmarks for --server: builds go through the compiler server, and at exit only the
# servers this run started are stopped (one another user started meanwhile is still stopped: pgrep cannot tell).
use_compiler_server() {
  build_args="$build_args -p:UseSharedCompilation=true"
  servers_before=$(pgrep -f VBCSCompiler || true)
  trap stop_new_compiler_servers EXIT
}

stop_new_compiler_servers() {
  for pid in $(pgrep -f VBCSCompiler || true); do
    case " $servers_before " in *" $pid "*) ;; *) kill "$pid" 2>/dev/null || true ;; esac
  done
}
