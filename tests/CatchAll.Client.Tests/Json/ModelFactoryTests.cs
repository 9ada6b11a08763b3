using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>
/// CatchAllModelFactory builds every model a response can hold, with every argument optional: what a test passes
/// comes back out of the generated converters unchanged, and what it leaves out still makes a model they accept.
/// </summary>
public sealed class ModelFactoryTests
{
    private static readonly MethodInfo[] Methods = typeof(CatchAllModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static);

    [Fact]
    public void A_test_builds_a_status_and_a_page_of_results_without_required_members_in_the_way()
    {
        var jobId = Guid.NewGuid();
        var status = CatchAllModelFactory.StatusResponse(jobId: jobId, status: PublicJobStatus.Completed);
        var page = CatchAllModelFactory.PullJobResponse(
            jobId: jobId,
            allRecords: [CatchAllModelFactory.Record(recordId: "r1", recordTitle: "Acme raises a Series B")],
            page: 1,
            totalPages: 1);

        var statusBack = Generated.Read<StatusResponse>(Generated.Write(status));
        var pageBack = Generated.Read<PullJobResponse>(Generated.Write(page));

        Assert.Equal((jobId, PublicJobStatus.Completed), (statusBack.JobId, statusBack.Status));
        Assert.Null(statusBack.Steps);
        Assert.Equal(jobId, pageBack.JobId);
        Assert.Equal("Acme raises a Series B", Assert.Single(pageBack.AllRecords!).RecordTitle);
        Assert.Equal((1, 1), (pageBack.Page, pageBack.TotalPages));
    }

    [Fact]
    public void Every_model_an_operation_returns_has_a_factory_method_and_request_only_models_have_none()
    {
        var returned = Generated.ClientInterfaces()
            .SelectMany(i => i.GetMethods())
            .Select(m => m.ReturnType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => Generated.IsModel(t) && t.IsClass && !t.IsAbstract)
            .Distinct()
            .ToList();

        Assert.True(returned.Count > 20, $"only {returned.Count} response models found");
        var missing = returned.Where(t => !Methods.Any(m => m.Name == t.Name && m.ReturnType == t)).Select(t => t.Name).ToList();
        Assert.Empty(missing);
        Assert.DoesNotContain(Methods, m => m.Name is nameof(SubmitRequest) or nameof(UpdateMonitorRequest));
        Assert.All(Methods, m => Assert.All(m.GetParameters(), p => Assert.True(p.IsOptional, $"{m.Name}({p.Name}) is not optional")));
    }

    public static TheoryData<string> FactoryMethods() => [.. Methods.Select(m => m.Name).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FactoryMethods))]
    public void Every_argument_passed_round_trips_through_the_generated_converters(string name)
    {
        var method = Methods.Single(m => m.Name == name);
        var parameters = method.GetParameters();
        var arguments = parameters.Select(p => SampleValues.For(p.ParameterType)).ToArray();
        var model = method.Invoke(null, arguments)!;
        var type = method.ReturnType;

        var json = Generated.Write(model, type);
        var back = Generated.Read(json, type)!;

        Assert.Equal(json, Generated.Write(back, type));
        using var document = JsonDocument.Parse(json);
        for (var i = 0; i < parameters.Length; i++)
        {
            var property = PropertyFor(type, parameters[i]);
            var wire = property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
            Assert.True(document.RootElement.TryGetProperty(wire, out _), $"{name}: {parameters[i].Name} was passed but '{wire}' is not in {json}");
            if (arguments[i] is string or Guid or int or long or double or bool or DateTimeOffset)
            {
                Assert.Equal(arguments[i], property.GetValue(back));
            }
        }
    }

    [Theory]
    [MemberData(nameof(FactoryMethods))]
    public void With_no_arguments_required_members_get_stand_ins_the_converters_accept(string name)
    {
        var method = Methods.Single(m => m.Name == name);
        var type = method.ReturnType;
        var model = method.Invoke(null, method.GetParameters().Select(_ => Type.Missing).ToArray())!;

        var json = Generated.Write(model, type);
        var back = Generated.Read(json, type)!;

        Assert.Equal(json, Generated.Write(back, type));
        using var document = JsonDocument.Parse(json);
        var written = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var required = SampleValues.RequiredMembers(type).Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name).ToHashSet(StringComparer.Ordinal);

        // Exactly the required members: an optional one that was not passed stays unset, so it is not sent either.
        Assert.Equal(required.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    private static PropertyInfo PropertyFor(Type model, ParameterInfo parameter) =>
        model.GetProperty(char.ToUpperInvariant(parameter.Name![0]) + parameter.Name.Substring(1))
        ?? throw new InvalidOperationException($"{model.Name} has no property for parameter {parameter.Name}");
}
