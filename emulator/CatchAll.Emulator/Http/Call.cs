using System;
using System.Text.Json.Nodes;
using CatchAll.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace CatchAll.Emulator.Http;

/// <summary>Everything a handler needs about one request; handlers run under the state lock.</summary>
internal sealed class Call(HttpContext http, EmulatorState state, JsonNode? body, IFormCollection? form)
{
    private QueryArgs? _query;

    public HttpContext Http { get; } = http;

    public EmulatorState State { get; } = state;

    /// <summary>The parsed JSON body, or null when there was none.</summary>
    public JsonNode? Body { get; } = body;

    public IFormCollection? Form { get; } = form;

    public ValidationErrors Errors { get; } = new();

    public QueryArgs Query => _query ??= new QueryArgs(Http.Request.Query, Errors);

    public DateTimeOffset Now => State.Now;

    public string Route(string name) => Http.Request.RouteValues[name]?.ToString() ?? string.Empty;

    /// <summary>A path id; malformed ids are treated like unknown ones.</summary>
    public Guid? RouteId(string name) => Guid.TryParse(Route(name), out var id) ? id : null;

    public Fields BodyFields() => new(Body, Errors, "body");
}
