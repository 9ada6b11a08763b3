using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.Client.Tests.Support;
using CatchAll.TestSupport;
using Microsoft.OpenApi;
using Xunit;
using static CatchAll.Client.Tests.Http.HttpTestSupport;

namespace CatchAll.Client.Tests.Http;

/// <summary>
/// Every operation of the spec, called over real HTTP on loopback through both its XxxWithResponseAsync and XxxAsync
/// methods: the request must be what the spec and the arguments say, and the canned answer must parse.
/// </summary>
public sealed class OperationHttpTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public static TheoryData<string> OperationIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Spec.Operations().Select(o => o.OperationId).OrderBy(i => i, StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Every_operation_of_the_spec_has_a_case_and_a_generated_method()
    {
        var specIds = Spec.Operations().Select(o => o.OperationId).OrderBy(i => i, StringComparer.Ordinal).ToList();
        var caseIds = OperationCases.ById.Keys.OrderBy(i => i, StringComparer.Ordinal).ToList();
        var generated = Generated.ClientInterfaces().SelectMany(i => i.GetMethods()).Count(m => m.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal));

        Assert.Equal(57, specIds.Count);
        Assert.Equal(specIds, caseIds);
        Assert.Equal(57, generated);
        Assert.All(specIds, id => Assert.NotNull(Generated.WithResponseMethod(id)));
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Case_sets_every_parameter_and_the_body_the_spec_declares(string operationId)
    {
        var op = Spec.Operation(operationId);
        var c = OperationCases.ById[operationId];

        // So the request checks cover every argument: an unset optional parameter would go unchecked.
        Assert.Equal(
            Parameters(op, ParameterLocation.Query).Select(p => p.Name!).OrderBy(n => n, StringComparer.Ordinal),
            c.QueryValues.Keys.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(
            Parameters(op, ParameterLocation.Path).Select(p => p.Name!).OrderBy(n => n, StringComparer.Ordinal),
            c.PathValues.Keys.OrderBy(n => n, StringComparer.Ordinal));
        var content = op.Operation.RequestBody?.Content?.Keys.ToList() ?? new List<string>();
        Assert.Equal(content.Any(k => k.Contains("json", StringComparison.Ordinal)), c.RequestJson is not null);
        Assert.Equal(content.Contains("multipart/form-data"), c.CheckMultipart is not null);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Operation_sends_the_specified_request_and_parses_the_answer(string operationId)
    {
        var op = Spec.Operation(operationId);
        Assert.True(OperationCases.ById.TryGetValue(operationId, out var c), "No HTTP case for " + operationId);
        var (status, body) = CannedSuccess(op, c!);
        using var client = NewClient(_server);

        _server.Reset(ServerResponse.Of(status, body));
        var (response, value) = await c!.WithResponse(client);

        AssertRequest(op, c, _server.SingleRequest());
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(operationId, response.OperationId);
        AssertValue(c, body, value);

        _server.Reset(ServerResponse.Of(status, body));
        var plain = await c.Plain(client);

        AssertRequest(op, c, _server.SingleRequest());
        AssertValue(c, body, plain);
    }

    public void Dispose() => _server.Dispose();

    private static void AssertValue(OperationCase c, string? body, object? value)
    {
        if (c.ValueType is null)
        {
            Assert.Null(value);
            return;
        }

        Assert.NotNull(value);
        Assert.IsType(c.ValueType, value);
        JsonSemantic.AssertEquivalent(body!, Generated.Write(value, c.ValueType));
        c.CheckValue?.Invoke(value);
    }
}
