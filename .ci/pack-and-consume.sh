#!/usr/bin/env bash
# Packs CatchAll.Codegen, CatchAll.Runtime, CatchAll.Emulator and CatchAll.AspNetCore into a throwaway local feed and proves that
# fresh `dotnet new console` projects consume them as a user would, with no ProjectReference anywhere:
#   0. each package carries README, LICENSE and no local path; a .snupkg with source-embedding pdbs beside each lib/;
#   1. net10.0: the bundled spec's client runs a job against the emulator package (CatchAll.Runtime arrives
#      only as CatchAll.Codegen's dependency), then the typed-enrichment code of issue 12;
#   1b. a net10.0 web app with CatchAll.AspNetCore receives a test delivery and a job's completion from the emulator;
#   2. a <CatchAllSpec> of its own replaces the bundled one, and editing that YAML regenerates the client;
#   3. CatchAllIncludeBundledSpec=false with no spec generates nothing;
#   4. a missing spec fails the build with CATCH0005, not with a generator crash, and a C# 10 project with
#      CATCH0012 alone, not with errors in generated code;
#   5. net8.0: the same packages build (and run against the emulator when it ships a net8.0 build).
#   6. a solution: an app with its xUnit test project, a library with an app on top; only the projects that
#      reference CatchAll.Codegen directly (or declare a CatchAllSpec) generate, the test's fake is the one the
#      app's DI resolves, and the test project's output holds each generated type exactly once.
# The packages get a unique prerelease version and the consumers a private NuGet cache, so no copy left
# from an earlier run can hide a packaging mistake. Network: only the machine's NuGet sources.
set -euo pipefail
# Under pipefail, `producer | grep -q` fails at random: grep exits at its first match and the producer dies of
# SIGPIPE (141), which the pipeline then reports. Early-exiting greps read from `< <(producer)` instead.
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
unset CATCHALL_API_KEY CATCHALL_BASE_URL

work=$(mktemp -d)
# Build output goes to a fresh folder under the (git-ignored) artifacts/: the work tree's bin/obj are neither
# reused nor disturbed, and being inside the repo, its paths are mapped to /_/ like every other source path.
mkdir -p artifacts
artifacts=$(mktemp -d "$repo/artifacts/pack-and-consume.XXXXXX")
# PACK_AND_CONSUME_KEEP=1 leaves the feed, the consumers and the logs behind for a look.
if [ "${PACK_AND_CONSUME_KEEP:-}" = 1 ]; then
  trap 'echo "kept: $work $artifacts"' EXIT
else
  trap 'rm -rf "$work" "$artifacts"' EXIT
fi
feed="$work/feed"
start=$(date +%s)
step() { printf '\n=== %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }
fail() { echo "pack-and-consume: FAILED: $*" >&2; exit 1; }

# --- pack ---------------------------------------------------------------------------------------------------
base_version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
[ -n "$base_version" ] || fail "no <Version> in Directory.Build.props"
version="$base_version-ci$(date -u +%s)"

step "dotnet pack CatchAll.Codegen.sln as $version"
dotnet pack CatchAll.Codegen.sln -o "$feed" --artifacts-path "$artifacts" \
  -p:PackageVersion="$version" -p:ContinuousIntegrationBuild=true > "$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; fail "dotnet pack"; }
grep -E "Successfully created package" "$work/pack.log" || true

step "package contents"
# Pdbs (and the analyzer dll with its pdb embedded) whose embedded sources .ci/embedded-sources.cs checks at the end.
pdbs=()
expected="CatchAll.AspNetCore.$version.nupkg CatchAll.Codegen.$version.nupkg CatchAll.Emulator.$version.nupkg CatchAll.Runtime.$version.nupkg"
actual=$(cd "$feed" && ls -1 ./*.nupkg | sed 's:^\./::' | sort | tr '\n' ' ' | sed 's/ $//')
[ "$actual" = "$expected" ] || fail "the feed holds [$actual], expected exactly [$expected] (tests and samples must not pack)"
codegen="$feed/CatchAll.Codegen.$version.nupkg"
emulator_pkg="$feed/CatchAll.Emulator.$version.nupkg"
runtime_pkg="$feed/CatchAll.Runtime.$version.nupkg"
aspnetcore_pkg="$feed/CatchAll.AspNetCore.$version.nupkg"
unzip -Z1 "$codegen" | sort > "$work/codegen.files"
for f in analyzers/dotnet/cs/CatchAll.Codegen.dll analyzers/dotnet/cs/Microsoft.OpenApi.dll \
         analyzers/dotnet/cs/Microsoft.OpenApi.YamlReader.dll analyzers/dotnet/cs/SharpYaml.dll \
         build/CatchAll.Codegen.props build/CatchAll.Codegen.targets \
         buildTransitive/CatchAll.Codegen.props buildTransitive/CatchAll.Codegen.targets \
         msbuild/CatchAll.Codegen.props msbuild/CatchAll.Codegen.targets spec/catchall.yaml README.md; do
  grep -qx "$f" "$work/codegen.files" || fail "CatchAll.Codegen lacks $f"
done
if grep -q '^lib/' "$work/codegen.files"; then fail "CatchAll.Codegen must not put the generator in lib/"; fi
mkdir -p "$work/symbols/CatchAll.Codegen"
unzip -p "$codegen" analyzers/dotnet/cs/CatchAll.Codegen.dll > "$work/symbols/CatchAll.Codegen/CatchAll.Codegen.dll"
pdbs+=("$work/symbols/CatchAll.Codegen/CatchAll.Codegen.dll")
cmp -s <(unzip -p "$codegen" spec/catchall.yaml) openapi/catchall.yaml || fail "the packaged spec differs from openapi/catchall.yaml"
for pkg in "$codegen" "$emulator_pkg" "$runtime_pkg" "$aspnetcore_pkg"; do
  id=$(basename "$pkg" ".$version.nupkg")
  nuspec=$(unzip -p "$pkg" "$id.nuspec")
  for field in '<description>' '<license type="expression">MIT</license>' '<authors>' '<tags>' '<readme>README.md</readme>'; do
    grep -qF "$field" <<< "$nuspec" || fail "$id.nuspec lacks $field"
  done
  grep -qx README.md < <(unzip -Z1 "$pkg") || fail "$id has no README.md"
  grep -qx LICENSE < <(unzip -Z1 "$pkg") || fail "$id has no LICENSE"
  cmp -s <(unzip -p "$pkg" LICENSE) LICENSE || fail "$id's LICENSE differs from the repository's"
  # Each lib/ assembly has its pdb in the .snupkg, with the sources embedded; the analyzer-only CatchAll.Codegen has no
  # lib/ and no .snupkg: its pdb is embedded in the analyzer dll instead.
  if grep -q '^lib/.*\.dll$' < <(unzip -Z1 "$pkg"); then
    snupkg="$feed/$id.$version.snupkg"
    [ -f "$snupkg" ] || fail "$id has a lib/ but no symbol package $(basename "$snupkg")"
    for dll in $(unzip -Z1 "$pkg" | grep '^lib/.*\.dll$'); do
      pdb="$work/symbols/$id/${dll%.dll}.pdb"
      mkdir -p "$(dirname "$pdb")"
      unzip -p "$snupkg" "${dll%.dll}.pdb" > "$pdb" 2>/dev/null || fail "$(basename "$snupkg") lacks ${dll%.dll}.pdb"
      pdbs+=("$pdb")
    done
  else
    [ ! -e "$feed/$id.$version.snupkg" ] || fail "$id has no lib/, yet a symbol package"
  fi
  # ContinuousIntegrationBuild maps source paths to /_/: no path of this machine may be baked into a binary.
  for dll in $(unzip -Z1 "$pkg" | grep '\.dll$'); do
    case "$dll" in analyzers/*/Microsoft.*|analyzers/*/SharpYaml.dll) continue ;; esac
    if grep -aqF -e "$repo/" -e "$work/" < <(unzip -p "$pkg" "$dll"); then
      fail "$id/$dll embeds a local path: $(unzip -p "$pkg" "$dll" | grep -aoE "($repo|$work)/[[:print:]]*" | head -n 1)"
    fi
  done
  echo "$id: $(unzip -Z1 "$pkg" | grep -cv -e '^_rels/' -e '^package/' -e 'Content_Types') files"
done
dep=$(unzip -p "$codegen" CatchAll.Codegen.nuspec | grep -o '<dependency id="CatchAll.Runtime"[^>]*>' || true)
[ -n "$dep" ] || fail "CatchAll.Codegen does not depend on CatchAll.Runtime"
grep -qF "version=\"$version\"" <<< "$dep" || fail "CatchAll.Codegen depends on another CatchAll.Runtime version: $dep"
if grep -qi 'developmentDependency>true' <(unzip -p "$codegen" CatchAll.Codegen.nuspec); then
  fail "CatchAll.Codegen is a developmentDependency: its consumers would not compile against CatchAll.Runtime"
fi
echo "CatchAll.Codegen -> $dep"
dotnet run .ci/embedded-sources.cs -- "${pdbs[@]}" | sed "s:^:embedded sources, :" \
  || fail "a pdb does not embed all its sources (EmbedAllSources)"

# --- consumers' NuGet setup ------------------------------------------------------------------------------------
step "consumer NuGet configuration"
# The machine's enabled sources, read before any config of ours exists.
mapfile -t sources < <(cd "$work" && dotnet nuget list source --format detailed | awk '
  /^ *[0-9]+\. +.* \[Enabled\]$/ { sub(/^ *[0-9]+\. +/, ""); sub(/ \[Enabled\]$/, ""); name = $0; getline; gsub(/^ +| +$/, ""); print name "\t" $0 }')
[ "${#sources[@]}" -gt 0 ] || fail "no enabled NuGet source on this machine (dotnet nuget list source)"
machine_packages=$(cd "$work" && dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
consumers="$work/consumers"
mkdir -p "$consumers"
xml() { sed -e 's/&/\&amp;/g' -e 's/"/\&quot;/g' -e 's/</\&lt;/g' <<< "$1"; }
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"catchall-local\" value=\"$(xml "$feed")\" />"
  for s in "${sources[@]}"; do echo "    <add key=\"$(xml "${s%%$'\t'*}")\" value=\"$(xml "${s#*$'\t'}")\" />"; done
  echo '  </packageSources>'
  # Our packages come from the local feed only; everything else from the machine's sources.
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="catchall-local"><package pattern="CatchAll.*" /></packageSource>'
  for s in "${sources[@]}"; do echo "    <packageSource key=\"$(xml "${s%%$'\t'*}")\"><package pattern=\"*\" /></packageSource>"; done
  echo '  </packageSourceMapping>'
  # Third-party packages already on the machine are read from its cache (our version is new, so never there).
  if [ -d "$machine_packages" ]; then
    echo '  <fallbackPackageFolders>'
    echo "    <add key=\"machine\" value=\"$(xml "$machine_packages")\" />"
    echo '  </fallbackPackageFolders>'
  fi
  echo '</configuration>'
} > "$consumers/nuget.config"
export NUGET_PACKAGES="$work/nuget-packages"
printf '%s\n' "${sources[@]/#/source: }"

# new_console DIR TFM: a fresh console project that builds with warnings as errors and keeps generated sources.
new_console() {
  local dir=$1 tfm=$2
  dotnet new console -o "$dir" -n Consumer --no-update-check > "$work/new.log" 2>&1 || { cat "$work/new.log"; fail "dotnet new console"; }
  sed -i -e "s:<TargetFramework>[^<]*</TargetFramework>:<TargetFramework>$tfm</TargetFramework>:" \
         -e 's:</PropertyGroup>:  <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>\n  </PropertyGroup>:' \
         "$dir/Consumer.csproj"
}
add_package() { # DIR ID
  (cd "$1" && dotnet add package "$2" --version "$version" --source "$feed") > "$work/add.log" 2>&1 \
    || { cat "$work/add.log"; fail "dotnet add package $2"; }
}
# build DIR LOG: builds quietly, prints the log when it fails; returns the build's status.
build() {
  rm -rf "$1/obj/Debug"/*/generated
  if dotnet build "$1" > "$2" 2>&1; then return 0; fi
  cat "$2"
  return 1
}
generated() { find "$1/obj/Debug" -path '*/generated/CatchAll.Codegen/*' -name '*.g.cs' 2>/dev/null; }
# crash_free LOG: the generator itself must never be what failed.
crash_free() {
  if grep -Eq 'CS8784|CS8785|AD0001|error CATCH0007|MSB4018' "$1"; then fail "the generator crashed or failed to load (see $1)"; fi
}
# Waits on a fast emulator clock: a 10-15 minute job takes seconds.
polling='new PollingOptions { Interval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(2) }'
program_bundled() {
  cat <<EOF
using CatchAll;
using CatchAll.Emulator;
using CatchAll.Models;

await using var emulator = await CatchAllEmulator.StartAsync();
using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress });
var submitted = await client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 });
var status = await client.Jobs.WaitForCompletionAsync(submitted.JobId, $polling);
var records = 0;
await foreach (var record in client.Jobs.GetJobResultsAllAsync(submitted.JobId))
{
    records++;
}

Console.WriteLine(\$"job {status.JobId} {status.Status}: {records} records");
return status.Status?.ToString() == "completed" && records > 0 ? 0 : 1;
EOF
}

# --- 1. net10.0, bundled spec, against the emulator -----------------------------------------------------------------
app="$consumers/net10"
step "net10.0 consumer: dotnet new console + dotnet add package CatchAll.Codegen, CatchAll.Emulator"
new_console "$app" net10.0
add_package "$app" CatchAll.Codegen
add_package "$app" CatchAll.Emulator
if grep -q 'ProjectReference' "$app/Consumer.csproj"; then fail "the consumer has a ProjectReference"; fi
if grep -q 'Include="CatchAll.Runtime"' "$app/Consumer.csproj"; then fail "CatchAll.Runtime was added by hand"; fi
grep -A3 'Include="CatchAll.Codegen"' "$app/Consumer.csproj" || fail "dotnet add package wrote no CatchAll.Codegen reference"
program_bundled > "$app/Program.cs"

step "net10.0 consumer: build (bundled spec) and run against the emulator"
build "$app" "$work/build1.log" || fail "the bundled-spec consumer does not build"
crash_free "$work/build1.log"
# CatchAll.Runtime reached the consumer through CatchAll.Codegen, from the local feed, with its compile assets.
python3 - "$app/obj/project.assets.json" "$version" <<'EOF' || fail "CatchAll.Runtime did not reach the consumer properly"
import json, sys
assets, version = json.load(open(sys.argv[1])), sys.argv[2]
target = assets["targets"]["net10.0"]
runtime = target.get("CatchAll.Runtime/" + version)
assert runtime, "CatchAll.Runtime is not in the restore graph"
assert any(p.endswith("CatchAll.Runtime.dll") for p in runtime.get("compile", {})), "CatchAll.Runtime has no compile asset"
assert any(p.endswith("CatchAll.Runtime.dll") for p in runtime.get("runtime", {})), "CatchAll.Runtime has no runtime asset"
codegen = target["CatchAll.Codegen/" + version]
assert codegen.get("dependencies", {}).get("CatchAll.Runtime") == version, "CatchAll.Codegen does not bring CatchAll.Runtime"
print("CatchAll.Runtime " + version + ": compile + runtime assets, via CatchAll.Codegen")
EOF
for id in catchall.codegen catchall.runtime catchall.emulator; do
  grep -qF "\"source\": \"$feed\"" "$NUGET_PACKAGES/$id/$version/.nupkg.metadata" 2>/dev/null \
    || fail "$id $version was not restored from the local feed"
done
[ -f "$app/bin/Debug/net10.0/CatchAll.Runtime.dll" ] || fail "CatchAll.Runtime.dll is not in the consumer's output"
[ "$(generated "$app" | grep -c 'CatchAll\.CatchAllClient\.g\.cs$')" = 1 ] || fail "no CatchAll.CatchAllClient generated from the bundled spec"
echo "generated from the bundled spec: $(generated "$app" | wc -l) files"
dotnet "$app/bin/Debug/net10.0/Consumer.dll" | tee "$work/run1.log" || fail "the consumer's job against the emulator failed"
grep -Eq '^job [0-9a-f-]+ completed: [1-9][0-9]* records$' "$work/run1.log" || fail "unexpected output from the consumer"

step "net10.0 consumer: typed enrichments (issue 12), the issue's code against the emulator"
# The service's values made less tidy on the way in: a numeric string, a missing field, an unreadable one.
cat > "$app/FundingRound.cs" <<'EOF'
using System.Text;
using System.Text.Json.Nodes;
using CatchAll;
using CatchAll.Models;

public enum FundingStage { Seed, SeriesA, SeriesB }

[CatchAllEnrichments]
public partial record FundingRound
{
    [Enrichment("Name of the company that raised the money")] public string? InvesteeCompany { get; init; }
    [Enrichment("Amount raised, in units of the currency")]   public decimal? FundingAmount { get; init; }
    [Enrichment("ISO 4217 code of the currency")]             public string? FundingCurrency { get; init; }
    [Enrichment("Date the round was announced")]              public DateOnly? AnnouncementDate { get; init; }
    [Enrichment("The lead investor")]                         public CompanyEnrichmentOutput? LeadInvestor { get; init; }
    [Enrichment("Stage of the round")]                        public FundingStage? Stage { get; init; }
}

public sealed class Untidy() : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!request.RequestUri!.AbsolutePath.StartsWith("/catchAll/pull/", StringComparison.Ordinal)) return response;
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        foreach (var record in body["all_records"]!.AsArray())
        {
            var enrichment = record!["enrichment"]!.AsObject();
            enrichment["funding_amount"] = "25,000,000";
            enrichment.Remove("funding_currency");
            enrichment["announcement_date"] = "not a date";
        }

        return new HttpResponseMessage(response.StatusCode) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
EOF
cat > "$app/Program.cs" <<EOF
using CatchAll;
using CatchAll.Emulator;
using CatchAll.Models;

await using var emulator = await CatchAllEmulator.StartAsync();
using var http = new HttpClient(new Untidy()) { BaseAddress = emulator.BaseAddress };
using var client = new CatchAllClient(http, new CatchAllClientOptions { ApiKey = emulator.ApiKey });
var status = await client.Jobs.SubmitAndWaitAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 50 }, $polling);
int records = 0, read = 0, missing = 0, kept = 0;
await foreach (var r in client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId))
{
    Console.WriteLine(\$"{r.Record.RecordTitle}: {r.Enrichment.FundingAmount} {r.Enrichment.FundingCurrency}");
    records++;
    if (r.Enrichment.FundingAmount == 25_000_000m) read++;
    if (r.Enrichment.FundingCurrency is null && !r.Problems.Any(p => p.Name == "funding_currency")) missing++;
    if (r.Enrichment.AnnouncementDate is null && r.Problems.Any(p => p.Name == "announcement_date" && p.Value.GetString() == "not a date")) kept++;
}

Console.WriteLine(\$"typed: {records} records, {read} numeric strings read, {missing} missing null, {kept} unreadable kept");
return records > 0 && read == records && missing == records && kept == records ? 0 : 1;
EOF
build "$app" "$work/build1t.log" || fail "the typed-enrichment consumer does not build"
crash_free "$work/build1t.log"
grep -q '/FundingRound\.Enrichments\.g\.cs$' < <(generated "$app") || fail "no enrichment code was generated for FundingRound"
dotnet "$app/bin/Debug/net10.0/Consumer.dll" | tee "$work/run1t.log" || fail "the typed-enrichment consumer failed"
grep -Eq '^typed: [1-9][0-9]* records' "$work/run1t.log" || fail "unexpected output from the typed-enrichment consumer"
# The steps below reuse this consumer with specs of their own.
rm "$app/FundingRound.cs"

# --- 1b. webhooks (issue 13): CatchAll.AspNetCore receives an emulator delivery --------------------------------------
# Its own consumer, so the steps below keep theirs untouched. The receiver, the generated client (to create the
# webhook and the job) and the emulator all come from the local feed; nothing is referenced by project.
hooks="$consumers/webhooks"
step "net10.0 web consumer: dotnet add package CatchAll.AspNetCore, CatchAll.Codegen, CatchAll.Emulator"
new_console "$hooks" net10.0
sed -i 's:<Project Sdk="Microsoft.NET.Sdk">:<Project Sdk="Microsoft.NET.Sdk.Web">:' "$hooks/Consumer.csproj"
for id in CatchAll.AspNetCore CatchAll.Codegen CatchAll.Emulator; do add_package "$hooks" "$id"; done
if grep -q 'ProjectReference' "$hooks/Consumer.csproj"; then fail "the webhook consumer has a ProjectReference"; fi
grep -qx 'lib/net8.0/CatchAll.AspNetCore.dll' < <(unzip -Z1 "$aspnetcore_pkg") || fail "CatchAll.AspNetCore has no net8.0 build"
grep -qx 'lib/net10.0/CatchAll.AspNetCore.dll' < <(unzip -Z1 "$aspnetcore_pkg") || fail "CatchAll.AspNetCore has no net10.0 build"
cat > "$hooks/Program.cs" <<'EOF'
using CatchAll;
using CatchAll.AspNetCore;
using CatchAll.Emulator;
using CatchAll.Models;

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Services.AddCatchAllWebhooks(o =>
{
    o.Credentials = WebhookCredentials.Bearer("pack-and-consume");
    o.TypeInfoResolver = CatchAllClientJson.Resolver;
});
var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
var app = builder.Build();
app.MapCatchAllWebhooks("/hooks/catchall", (CatchAllWebhookEvent e, CancellationToken ct) =>
{
    if (e.Kind == CatchAllWebhookEventKind.JobCompleted)
    {
        // GetJobRecords is generated into this project because it references CatchAll.AspNetCore; GetRecords<T>
        // reads through the resolver in the options. Both must see the same records.
        var records = e.GetJobRecords();
        if (records.Select(r => r.RecordId).SequenceEqual(e.GetRecords<Record>().Select(r => r.RecordId)))
        {
            received.TrySetResult($"webhook {e.Kind} job {e.JobId}: {records.Count} records");
        }
    }

    return Task.CompletedTask;
});
await app.StartAsync();

await using var emulator = await CatchAllEmulator.StartAsync(new EmulatorOptions { TimeScale = 0.002 });
using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress });
var hook = await client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest
{
    Name = "pack-and-consume",
    Url = app.Urls.First().TrimEnd('/') + "/hooks/catchall",
    Auth = new BearerAuth { Token = "pack-and-consume" },
});
var test = await client.Webhooks.TestWebhookAsync(hook.Webhook!.Id);
Console.WriteLine($"test delivery: {test.HttpStatusCode}");
await client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10, WebhookIds = [hook.Webhook.Id] });
var done = await Task.WhenAny(received.Task, Task.Delay(TimeSpan.FromMinutes(2)));
Console.WriteLine(done == received.Task ? received.Task.Result : "no webhook arrived");
await app.StopAsync();
return done == received.Task ? 0 : 1;
EOF
step "net10.0 web consumer: build and receive the emulator's delivery"
build "$hooks" "$work/build-hooks.log" || fail "the webhook consumer does not build"
crash_free "$work/build-hooks.log"
grep -qF "\"source\": \"$feed\"" "$NUGET_PACKAGES/catchall.aspnetcore/$version/.nupkg.metadata" 2>/dev/null \
  || fail "catchall.aspnetcore $version was not restored from the local feed"
dotnet "$hooks/bin/Debug/net10.0/Consumer.dll" | tee "$work/run-hooks.log" || fail "the webhook consumer did not receive its delivery"
grep -qx 'test delivery: 200' "$work/run-hooks.log" || fail "the test delivery was not accepted"
grep -Eq '^webhook job\.completed job [0-9a-f-]+: [1-9][0-9]* records$' "$work/run-hooks.log" || fail "unexpected output from the webhook consumer"
grep -q '/CatchAll\.CatchAllClientWebhookEvents\.g\.cs$' < <(generated "$hooks") || fail "no webhook accessors generated next to the packaged CatchAll.AspNetCore"
# --- end 1b ------------------------------------------------------------------------------------------------------

# --- 2. a spec of its own, edited between builds -------------------------------------------------------------------------
step "net10.0 consumer: <CatchAllSpec Include=\"my-catchall.yaml\" Namespace=\"My.Api\" />"
cp openapi/catchall.yaml "$app/my-catchall.yaml"
sed -i 's:</Project>:  <ItemGroup>\n    <CatchAllSpec Include="my-catchall.yaml" Namespace="My.Api" />\n  </ItemGroup>\n</Project>:' "$app/Consumer.csproj"
program_custom() { # the Program.cs for the custom spec; $1 adds a statement
  cat <<EOF
using CatchAll;
using CatchAll.Emulator;
using My.Api;
using My.Api.Models;

await using var emulator = await CatchAllEmulator.StartAsync();
using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress });
var health = await client.Meta.HealthCheckAsync();
Console.WriteLine("health: ok");
$1
return 0;
EOF
}
program_custom "" > "$app/Program.cs"
build "$app" "$work/build2.log" || fail "the custom-spec consumer does not build"
crash_free "$work/build2.log"
grep -q '/My\.Api\.CatchAllClient\.g\.cs$' < <(generated "$app") || fail "no My.Api.CatchAllClient generated"
if grep -q '/CatchAll\.CatchAllClient\.g\.cs$' < <(generated "$app"); then fail "the bundled spec is still generated next to a declared one"; fi
if grep -q 'PingExtraAsync' $(generated "$app") /dev/null; then fail "PingExtraAsync exists before the spec declares it"; fi
dotnet "$app/bin/Debug/net10.0/Consumer.dll" || fail "the custom-spec consumer failed"

step "net10.0 consumer: add GET /extra/ping (pingExtra, tag Meta) to my-catchall.yaml and rebuild"
awk '{ print } /^paths:$/ {
  print "  /extra/ping:"
  print "    get:"
  print "      tags:"
  print "        - Meta"
  print "      summary: Extra ping"
  print "      description: Added by the pack-and-consume check to prove that editing the spec regenerates the client."
  print "      operationId: pingExtra"
  print "      responses:"
  print "        '\''200'\'':"
  print "          $ref: '\''#/components/responses/HealthCheckResponse'\''"
}' openapi/catchall.yaml > "$app/my-catchall.yaml"
# The emulator has no such route: a 404 from it proves the new method really went over the wire.
program_custom 'try
{
    await client.Meta.PingExtraAsync();
    Console.WriteLine("pingExtra: 200");
}
catch (CatchAllApiException e)
{
    Console.WriteLine($"pingExtra: {e.StatusCode}");
}' > "$app/Program.cs"
build "$app" "$work/build3.log" || fail "PingExtraAsync did not appear after editing the spec"
crash_free "$work/build3.log"
dotnet "$app/bin/Debug/net10.0/Consumer.dll" | tee "$work/run3.log" || fail "the edited-spec consumer failed"
grep -Eq '^pingExtra: (200|404)$' "$work/run3.log" || fail "pingExtra did not reach the emulator"

# --- 3. bundled spec off, no spec declared ---------------------------------------------------------------------------
step "net10.0 consumer: CatchAllIncludeBundledSpec=false and no CatchAllSpec"
sed -i -e '/<CatchAllSpec /d' \
       -e 's:<TreatWarningsAsErrors>:<CatchAllIncludeBundledSpec>false</CatchAllIncludeBundledSpec>\n    <TreatWarningsAsErrors>:' "$app/Consumer.csproj"
cat > "$app/Program.cs" <<'EOF'
var client = typeof(Program).Assembly.GetType("CatchAll.CatchAllClient");
Console.WriteLine(client is null ? "no client" : "client generated");
return client is null ? 0 : 1;
EOF
build "$app" "$work/build4.log" || fail "the consumer without a spec does not build"
crash_free "$work/build4.log"
[ -z "$(generated "$app")" ] || fail "sources were generated with the bundled spec off: $(generated "$app" | head -n 3)"
dotnet "$app/bin/Debug/net10.0/Consumer.dll" || fail "a client was generated with the bundled spec off"

# --- 4. a spec that does not exist ----------------------------------------------------------------------------------
step "net10.0 consumer: <CatchAllSpec Include=\"missing.yaml\" /> fails with CATCH0005"
sed -i 's:</Project>:  <ItemGroup>\n    <CatchAllSpec Include="missing.yaml" />\n  </ItemGroup>\n</Project>:' "$app/Consumer.csproj"
if dotnet build "$app" > "$work/build5.log" 2>&1; then cat "$work/build5.log"; fail "a missing spec built"; fi
crash_free "$work/build5.log"
grep -E 'error CATCH0005' "$work/build5.log" | sort -u | head -n 3
grep -Eq "error CATCH0005: .*missing\.yaml" "$work/build5.log" || { cat "$work/build5.log"; fail "no CATCH0005 naming missing.yaml"; }

# --- 4b. a project on C# 10 -----------------------------------------------------------------------------------
step "net10.0 consumer: LangVersion 10 with the bundled spec fails with CATCH0012 alone"
sed -i -e '/<CatchAllSpec Include="missing.yaml"/d' -e '/<CatchAllIncludeBundledSpec>/d' \
       -e 's:<TreatWarningsAsErrors>:<LangVersion>10</LangVersion>\n    <TreatWarningsAsErrors>:' "$app/Consumer.csproj"
if dotnet build "$app" > "$work/build6.log" 2>&1; then cat "$work/build6.log"; fail "a C# 10 consumer built"; fi
crash_free "$work/build6.log"
grep -E 'error CATCH0012' "$work/build6.log" | sort -u | head -n 1
grep -Eq 'error CATCH0012: .*C# 10' "$work/build6.log" || { cat "$work/build6.log"; fail "no CATCH0012 for C# 10"; }
if grep -Eq 'error CS[0-9]+' "$work/build6.log"; then grep -E 'error CS[0-9]+' "$work/build6.log" | head -n 5; fail "compiler errors beside CATCH0012"; fi

# --- 5. net8.0 -------------------------------------------------------------------------------------------------
app8="$consumers/net8"
step "net8.0 consumer: dotnet new console + dotnet add package, build"
new_console "$app8" net8.0
add_package "$app8" CatchAll.Codegen
if grep -q '^lib/net8\.0/' < <(unzip -Z1 "$emulator_pkg"); then
  add_package "$app8" CatchAll.Emulator
  program_bundled > "$app8/Program.cs"
  run8=yes
else
  echo "CatchAll.Emulator has no net8.0 build: the net8.0 consumer only builds a client"
  cat > "$app8/Program.cs" <<'EOF'
using CatchAll;

using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = "not-used" });
Console.WriteLine(client.Jobs is not null ? "client ok" : "no jobs client");
EOF
  run8=no
fi
build "$app8" "$work/build8.log" || fail "the net8.0 consumer does not build"
crash_free "$work/build8.log"
python3 - "$app8/obj/project.assets.json" "$version" <<'EOF' || fail "the net8.0 consumer did not get CatchAll.Runtime's net8.0 build"
import json, sys
runtime = json.load(open(sys.argv[1]))["targets"]["net8.0"]["CatchAll.Runtime/" + sys.argv[2]]
assert "lib/net8.0/CatchAll.Runtime.dll" in runtime.get("compile", {}), runtime
print("net8.0 consumer compiles against lib/net8.0/CatchAll.Runtime.dll")
EOF
if [ "$run8" = yes ]; then
  step "net8.0 consumer: run against the emulator (on the installed runtime, rolled forward)"
  DOTNET_ROLL_FORWARD=Major dotnet "$app8/bin/Debug/net8.0/Consumer.dll" | tee "$work/run8.log" || fail "the net8.0 consumer failed"
  grep -Eq '^job [0-9a-f-]+ completed: [1-9][0-9]* records$' "$work/run8.log" || fail "unexpected output from the net8.0 consumer"
fi

# === 6. a solution: generation only where CatchAll.Codegen is referenced directly (issue 9) ==========================
# The SDK hands a package's analyzers on to every referencing project whatever PrivateAssets says, and buildTransitive/
# brings the glue there too; without care each of them would generate a second copy of the client (CS0436 by the
# thousand, and a test's fake registered in DI that the app never sees). Here an app with its xUnit test project, and
# a library with an app on top, all warnings as errors: one copy of the client, in the project that references the
# package, and nothing generated anywhere else.
sol="$consumers/solution"
no_cs0436() { # LOG
  if grep -q 'CS0436' "$1"; then grep 'CS0436' "$1" | head -n 3; fail "CS0436 in $1: a referencing project generated the client again"; fi
}
no_generated() { # DIR
  [ -z "$(generated "$1")" ] || fail "$(basename "$1") generated $(generated "$1" | wc -l) files, though it gets CatchAll.Codegen only through another project"
}
step "solution: ShopApp (CatchAll.Codegen) + ShopApp.Tests (xUnit, a ProjectReference to ShopApp only)"
dotnet new console -o "$sol/ShopApp" -n ShopApp --no-update-check > "$work/new.log" 2>&1 || { cat "$work/new.log"; fail "dotnet new console"; }
dotnet new classlib -o "$sol/ShopApp.Tests" -n ShopApp.Tests --no-update-check > "$work/new.log" 2>&1 || { cat "$work/new.log"; fail "dotnet new classlib"; }
rm -f "$sol/ShopApp.Tests/Class1.cs"
for proj in "$sol/ShopApp/ShopApp.csproj" "$sol/ShopApp.Tests/ShopApp.Tests.csproj"; do
  sed -i -e 's:<TargetFramework>[^<]*</TargetFramework>:<TargetFramework>net10.0</TargetFramework>:' \
         -e 's:</PropertyGroup>:  <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>\n  </PropertyGroup>:' "$proj"
done
add_package "$sol/ShopApp" CatchAll.Codegen
cat > "$sol/ShopApp/JobReport.cs" <<'CS'
using CatchAll;
using Microsoft.Extensions.DependencyInjection;

namespace ShopApp;

/// <summary>Application code: depends on IJobsClient, which the composition root registers.</summary>
public sealed class JobReport(IJobsClient jobs)
{
    public async Task<string> DescribeAsync(Guid jobId)
    {
        var status = await jobs.GetJobStatusAsync(jobId);
        return $"{status.JobId}: {status.Status}";
    }
}

public static class ShopServices
{
    public static IServiceCollection AddShop(this IServiceCollection services)
    {
        services.AddCatchAllClient(options => options.ApiKey = "shop-key");
        services.AddTransient<JobReport>();
        return services;
    }
}
CS
# Versions the repository's own tests use (Directory.Packages.props), so they restore wherever the repo does.
sed -i 's:</Project>:  <ItemGroup>\n    <ProjectReference Include="../ShopApp/ShopApp.csproj" />\n    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />\n    <PackageReference Include="xunit" Version="2.9.3" />\n    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />\n  </ItemGroup>\n</Project>:' \
  "$sol/ShopApp.Tests/ShopApp.Tests.csproj"
if grep -q 'CatchAll' "$sol/ShopApp.Tests/ShopApp.Tests.csproj"; then fail "the test project references a CatchAll package itself"; fi
cat > "$sol/ShopApp.Tests/ShopTests.cs" <<'CS'
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CatchAll;
using CatchAll.Models;
using Microsoft.Extensions.DependencyInjection;
using ShopApp;
using Xunit;

namespace ShopApp.Tests;

public sealed class ShopTests
{
    private sealed class FakeJobs : JobsClient
    {
        public int Calls { get; private set; }

        public override Task<StatusResponse> GetJobStatusAsync(Guid jobId, RequestOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(new StatusResponse { JobId = jobId, Status = PublicJobStatus.Completed });
        }
    }

    [Fact]
    public async Task The_fake_registered_first_is_the_one_the_app_resolves()
    {
        var fake = new FakeJobs();
        var services = new ServiceCollection();
        services.AddSingleton<IJobsClient>(fake);
        services.AddShop();
        await using var provider = services.BuildServiceProvider();

        var id = Guid.NewGuid();
        Assert.Equal($"{id}: completed", await provider.GetRequiredService<JobReport>().DescribeAsync(id));
        Assert.Equal(1, fake.Calls);
        Assert.Equal("ShopApp", typeof(IJobsClient).Assembly.GetName().Name);
    }

    [Fact]
    public void Every_generated_type_is_in_the_output_exactly_once()
    {
        var holders = new Dictionary<string, List<string>>();
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            using var pe = new PEReader(File.OpenRead(file));
            if (!pe.HasMetadata || pe.GetMetadataReader() is not { IsAssembly: true } reader)
            {
                continue;
            }

            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                var ns = reader.GetString(type.Namespace);
                if (ns is "CatchAll" or "CatchAll.Models")
                {
                    var name = ns + "." + reader.GetString(type.Name);
                    (holders.TryGetValue(name, out var list) ? list : holders[name] = []).Add(Path.GetFileName(file));
                }
            }
        }

        Assert.True(holders.Count > 100, $"only {holders.Count} generated types found");
        Assert.Equal(["ShopApp.dll"], holders["CatchAll.CatchAllClient"]);
        Assert.Empty(holders.Where(h => h.Value.Count != 1).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
    }
}
CS
rm -rf "$sol/ShopApp/obj/Debug"/*/generated "$sol/ShopApp.Tests/obj/Debug"/*/generated
dotnet test "$sol/ShopApp.Tests" > "$work/shop-test.log" 2>&1 || { cat "$work/shop-test.log"; fail "ShopApp.Tests failed"; }
crash_free "$work/shop-test.log"
no_cs0436 "$work/shop-test.log"
grep -E '(Passed|Failed)! ' "$work/shop-test.log"
grep -Eq 'Passed! +- +Failed: +0, +Passed: +2,' "$work/shop-test.log" || fail "ShopApp.Tests did not pass both tests"
[ "$(generated "$sol/ShopApp" | grep -c '/CatchAll\.CatchAllClient\.g\.cs$')" = 1 ] || fail "ShopApp, which references CatchAll.Codegen, generated no client"
no_generated "$sol/ShopApp.Tests"
echo "ShopApp: $(generated "$sol/ShopApp" | wc -l) generated files; ShopApp.Tests: none"

step "solution: Catalog (library, CatchAll.Codegen) <- CatalogApp (ProjectReference, CatchAll.Emulator) runs a job"
dotnet new classlib -o "$sol/Catalog" -n Catalog --no-update-check > "$work/new.log" 2>&1 || { cat "$work/new.log"; fail "dotnet new classlib"; }
rm -f "$sol/Catalog/Class1.cs"
sed -i -e 's:<TargetFramework>[^<]*</TargetFramework>:<TargetFramework>net10.0</TargetFramework>:' \
       -e 's:</PropertyGroup>:  <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n  </PropertyGroup>:' "$sol/Catalog/Catalog.csproj"
add_package "$sol/Catalog" CatchAll.Codegen
new_console "$sol/CatalogApp" net10.0
(cd "$sol/CatalogApp" && dotnet add reference ../Catalog/Catalog.csproj) > "$work/add.log" 2>&1 || { cat "$work/add.log"; fail "dotnet add reference"; }
add_package "$sol/CatalogApp" CatchAll.Emulator
if grep -q 'CatchAll.Codegen' "$sol/CatalogApp/Consumer.csproj"; then fail "CatalogApp references CatchAll.Codegen itself"; fi
program_bundled > "$sol/CatalogApp/Program.cs"
sed -i '/^await using var emulator/i Console.WriteLine("client from " + typeof(CatchAllClient).Assembly.GetName().Name);' "$sol/CatalogApp/Program.cs"
build "$sol/CatalogApp" "$work/catalog1.log" || fail "CatalogApp does not build"
crash_free "$work/catalog1.log"
no_cs0436 "$work/catalog1.log"
no_generated "$sol/CatalogApp"
dotnet "$sol/CatalogApp/bin/Debug/net10.0/Consumer.dll" | tee "$work/catalog-run.log" || fail "CatalogApp's job against the emulator failed"
grep -qx 'client from Catalog' "$work/catalog-run.log" || fail "CatalogApp did not use the library's client"
grep -Eq '^job [0-9a-f-]+ completed: [1-9][0-9]* records$' "$work/catalog-run.log" || fail "unexpected output from CatalogApp"

step "solution: CatalogApp declares a <CatchAllSpec> of its own (Namespace Other.Api), which it generates"
cp openapi/catchall.yaml "$sol/CatalogApp/other.yaml"
sed -i 's:</Project>:  <ItemGroup>\n    <CatchAllSpec Include="other.yaml" Namespace="Other.Api" />\n  </ItemGroup>\n</Project>:' "$sol/CatalogApp/Consumer.csproj"
sed -i '/^await using var emulator/i Console.WriteLine("other client from " + typeof(Other.Api.CatchAllClient).Assembly.GetName().Name);' "$sol/CatalogApp/Program.cs"
build "$sol/CatalogApp" "$work/catalog2.log" || fail "CatalogApp with a spec of its own does not build"
crash_free "$work/catalog2.log"
no_cs0436 "$work/catalog2.log"
grep -q '/Other\.Api\.CatchAllClient\.g\.cs$' < <(generated "$sol/CatalogApp") || fail "CatalogApp's own spec generated no Other.Api.CatchAllClient"
if grep -q '/CatchAll\.CatchAllClient\.g\.cs$' < <(generated "$sol/CatalogApp"); then fail "CatalogApp generated the bundled spec again"; fi
dotnet "$sol/CatalogApp/bin/Debug/net10.0/Consumer.dll" | tee "$work/catalog-run2.log" || fail "CatalogApp with its own spec failed"
grep -qx 'other client from Consumer' "$work/catalog-run2.log" || fail "Other.Api.CatchAllClient is not CatalogApp's own"
# === end of 6 ===========================================================================================================

step "done"
echo "pack-and-consume: 4 packages ($version) consumed by net10.0 and net8.0 projects in $(( $(date +%s) - start ))s"
