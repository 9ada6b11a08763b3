using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.EndToEnd.Tests.Enrichments;

/// <summary>
/// Rewrites each record's enrichment object in the pull responses the emulator sends, as a less tidy service would:
/// the amount as a numeric string, the currency missing, the stage of a type no option has.
/// </summary>
internal sealed class ReshapingHandler : DelegatingHandler
{
    public ReshapingHandler()
        : base(new HttpClientHandler())
    {
    }

    public int Rewritten { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!request.RequestUri!.AbsolutePath.StartsWith("/catchAll/pull/", StringComparison.Ordinal) || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        foreach (var record in body["all_records"]?.AsArray() ?? new JsonArray())
        {
            var enrichment = record!["enrichment"]!.AsObject();
            enrichment["funding_amount"] = "25,000,000";
            enrichment.Remove("funding_currency");
            enrichment["stage"] = new JsonObject { ["label"] = "Series B" };
            Rewritten++;
        }

        var rewritten = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        response.Dispose();
        return rewritten;
    }
}
