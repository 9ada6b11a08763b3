using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace CatchAll.AspNetCore.Tests;

/// <summary>Bodies shaped like the service's deliveries, and requests carrying them.</summary>
internal static class Payloads
{
    public static readonly Guid JobId = Guid.Parse("5f0c9087-85cb-4917-b3c7-e5a5eff73a0c");
    public static readonly Guid MonitorId = Guid.Parse("3fec5b07-8786-46d7-9486-d43ff67eccd4");
    public static readonly Guid RunJobId = Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");

    public static string JobCompleted(string updatedAt = "2026-03-02T09:15:00Z", int validRecords = 2, params string[] recordIds)
    {
        recordIds = recordIds.Length == 0 ? ["rec-1", "rec-2"] : recordIds;
        var records = string.Join(",", Array.ConvertAll(recordIds, id => $$$"""{"record_id":"{{{id}}}","record_title":"Title {{{id}}}","enrichment":{"company":"Acme"},"citations":[]}"""));
        return $$"""{"job_id":"{{JobId}}","query":"Series B rounds","status":"completed","valid_records":{{validRecords}},"all_records":[{{records}}],"updated_at":"{{updatedAt}}"}""";
    }

    public static string JobFailed() =>
        $$"""{"job_id":"{{JobId}}","query":"Series B rounds","status":"failed","error":"no sources","all_records":[],"updated_at":"2026-03-02T09:15:00Z"}""";

    public static string MonitorRun(string updatedAt = "2026-03-03T09:31:00Z", params string[] recordIds)
    {
        recordIds = recordIds.Length == 0 ? ["m-1", "m-2", "m-3"] : recordIds;
        var records = string.Join(",", Array.ConvertAll(recordIds, id => $$$"""{"record_id":"{{{id}}}","record_title":"Title {{{id}}}","enrichment":{},"citations":[],"added_on":"2026-03-03T09:30:00Z"}"""));
        return $$"""{"monitor_id":"{{MonitorId}}","reference_job_id":"{{JobId}}","latest_job_id":"{{RunJobId}}","records_count":{{recordIds.Length}},"jobs_processed":2,"updated_at":"{{updatedAt}}","cron_expression":"30 9 * * *","timezone":"UTC","records":[{{records}}]}""";
    }

    public static string Test(string sentAt = "2026-03-02T09:00:00Z") =>
        $$"""{"test":true,"message":"hello","webhook_id":"{{Guid.NewGuid()}}","sent_at":"{{sentAt}}"}""";

    public static HttpRequestMessage Post(string body, string user = "hook", string password = "s3cret", string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ReceiverHost.Path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        return request;
    }
}
