using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CatchAll.Bench.Baseline;
using CatchAll.Bench.Json;
using CatchAll.Bench.Payloads;
using CatchAll.Runtime;

namespace CatchAll.Bench.Http;

/// <summary>
/// One request end to end against a Kestrel server on loopback: the generated client, NSwag's client,
/// and the raw bar (HttpClient + JsonSerializer with the baseline's source-generated metadata).
/// Target: CatchAll ≤ 1.1× raw. Every client has its own HttpClient with a warm connection.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class HttpBenchmarks
{
    private static readonly Guid JobId = new("5f0c9087-85cb-4917-b3c7-e5a5eff73a0c");

    private LoopbackServer _server = null!;
    private HttpClient _raw = null!;
    private HttpClient _peerHttp = null!;
    private CatchAllClient _ours = null!;
    private Peer.JobsClient _peer = null!;
    private SubmitRequest _baselineSubmit = null!;
    private CatchAll.Models.SubmitRequest _oursSubmit = null!;
    private Peer.SubmitRequestDto _peerSubmit = null!;

    /// <summary>Starts the server and the three clients, and makes one call of each to open connections.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        _server = await LoopbackServer.StartAsync(PayloadFactory.StatusBody(), PayloadFactory.PullBody(), PayloadFactory.SubmitResponseBody());
        _raw = new HttpClient { BaseAddress = _server.Address };
        _raw.DefaultRequestHeaders.Add("x-api-key", LoopbackServer.ApiKey);
        _peerHttp = new HttpClient();
        _peerHttp.DefaultRequestHeaders.Add("x-api-key", LoopbackServer.ApiKey);
        _peer = new Peer.JobsClient(_peerHttp) { BaseUrl = _server.Address.ToString() };
        _ours = new CatchAllClient(new HttpClient(), new CatchAllClientOptions { ApiKey = LoopbackServer.ApiKey, BaseAddress = _server.Address });

        var submit = PayloadFactory.SubmitBody(large: false);
        _baselineSubmit = JsonSerializer.Deserialize(submit, BaselineJson.Default.SubmitRequest)!;
        _oursSubmit = JsonSerializer.Deserialize(submit, global::CatchAll.CatchAllClientJson.SubmitRequest)!;
        _peerSubmit = JsonSerializer.Deserialize<Peer.SubmitRequestDto>(submit, JsonSetup.NSwagOptions)!;

        if ((await StatusRaw()).Steps!.Count != (await StatusCatchAll()).Steps!.Count
            || (await PullRaw()).AllRecords!.Count != (await PullNSwag()).All_records!.Count
            || (await SubmitRaw()).JobId != (await SubmitCatchAll()).JobId
            || (await StatusNSwag()).Steps!.Count == 0
            || (await PullCatchAll()).AllRecords!.Count == 0
            || (await SubmitNSwag()).Job_id == Guid.Empty)
        {
            throw new InvalidOperationException("The clients disagree about the loopback server's answers.");
        }
    }

    /// <summary>Stops the clients and the server.</summary>
    [GlobalCleanup]
    public async Task Cleanup()
    {
        _ours.Dispose();
        _raw.Dispose();
        _peerHttp.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>GET status, raw.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("GET status")]
    public async Task<StatusResponse> StatusRaw()
    {
        using var response = await _raw.GetAsync("catchAll/status/" + JobId.ToString(), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(stream, BaselineJson.Default.StatusResponse).ConfigureAwait(false))!;
    }

    /// <summary>GET status, generated client.</summary>
    [Benchmark, BenchmarkCategory("GET status")]
    public Task<CatchAll.Models.StatusResponse> StatusCatchAll() => _ours.Jobs.GetJobStatusAsync(JobId);

    /// <summary>GET status, NSwag client.</summary>
    [Benchmark, BenchmarkCategory("GET status")]
    public Task<Peer.StatusResponseDto> StatusNSwag() => _peer.GetJobStatusAsync(JobId);

    /// <summary>POST submit (small body), raw.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("POST submit")]
    public async Task<SubmitResponse> SubmitRaw()
    {
        using var content = JsonContent.Create(_baselineSubmit, BaselineJson.Default.SubmitRequest);
        using var response = await _raw.PostAsync("catchAll/submit", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(stream, BaselineJson.Default.SubmitResponse).ConfigureAwait(false))!;
    }

    /// <summary>POST submit, generated client.</summary>
    [Benchmark, BenchmarkCategory("POST submit")]
    public Task<CatchAll.Models.SubmitResponse> SubmitCatchAll() => _ours.Jobs.CreateJobAsync(_oursSubmit);

    /// <summary>POST submit, NSwag client.</summary>
    [Benchmark, BenchmarkCategory("POST submit")]
    public Task<Peer.SubmitResponseDto> SubmitNSwag() => _peer.CreateJobAsync(_peerSubmit);

    /// <summary>GET a 1,000-record page (~2.5 MB), raw.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("GET pull 1000")]
    public async Task<PullJobResponse> PullRaw()
    {
        using var response = await _raw.GetAsync("catchAll/pull/" + JobId.ToString() + "?page=1&page_size=1000", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(stream, BaselineJson.Default.PullJobResponse).ConfigureAwait(false))!;
    }

    /// <summary>GET a 1,000-record page, generated client.</summary>
    [Benchmark, BenchmarkCategory("GET pull 1000")]
    public Task<CatchAll.Models.PullJobResponse> PullCatchAll() => _ours.Jobs.GetJobResultsAsync(JobId, page: 1, pageSize: 1000);

    /// <summary>GET a 1,000-record page, NSwag client.</summary>
    [Benchmark, BenchmarkCategory("GET pull 1000")]
    public Task<Peer.PullJobResponseDto> PullNSwag() => _peer.GetJobResultsAsync(JobId, 1, 1000);
}
