namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    /// <summary>Registration for IHttpClientFactory, in the root client's file; the generic plumbing lives in the runtime.</summary>
    private void EmitServiceCollectionExtensions(SourceWriter w)
    {
        var name = _spec.ClientName;
        const string Di = "global::Microsoft.Extensions.DependencyInjection";
        w.Line();
        w.Open("namespace " + _spec.Namespace);
        w.Doc("summary", $"Registers <see cref=\"{name}\"/> with dependency injection.", raw: true);
        w.Open($"public static partial class {name}ServiceCollectionExtensions");
        var self = $"global::{_spec.Namespace}.{name}";
        var overloads = new[]
        {
            (Options: "with options from code", Parameter: $"global::System.Action<{Api}.CatchAllClientOptions>? configure = null", Argument: "configure"),
            (Options: "with options bound from a configuration section (ApiKey, BaseAddress, Timeout, Retry)", Parameter: "global::Microsoft.Extensions.Configuration.IConfiguration configuration", Argument: "configuration"),
        };
        foreach (var overload in overloads)
        {
            w.Summary($"Adds {name} as a typed HttpClient, {overload.Options}, and I{name} and each resource interface resolved from it; chain AddStandardResilienceHandler() with its retry off (the client retries safe methods itself).");
            w.Open($"public static {Di}.IHttpClientBuilder Add{name}(this {Di}.IServiceCollection services, {overload.Parameter})");
            w.Line($"var builder = {Di}.CatchAllServiceCollectionExtensions.AddCatchAllClient<{self}>(services, static (httpClient, options) => new {self}(httpClient, options), {overload.Argument});");
            w.Line("AddInterfaces(services);");
            w.Line("return builder;");
            w.Close();
            w.Line();
        }

        // TryAdd: a test that registered its own fake of an interface first keeps it.
        w.Open($"private static void AddInterfaces({Di}.IServiceCollection services)");
        w.Line($"{Di}.Extensions.ServiceCollectionDescriptorExtensions.TryAddTransient<global::{_spec.Namespace}.I{name}>(services, static provider => {Di}.ServiceProviderServiceExtensions.GetRequiredService<{self}>(provider));");
        foreach (var resource in _spec.Resources)
        {
            w.Line($"{Di}.Extensions.ServiceCollectionDescriptorExtensions.TryAddTransient<global::{_spec.Namespace}.I{resource.Name}Client>(services, static provider => {Di}.ServiceProviderServiceExtensions.GetRequiredService<{self}>(provider).{resource.Name});");
        }

        w.Close();
        w.Close();
        w.Close();
    }
}
