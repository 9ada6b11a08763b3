using System.Threading.Tasks;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace CatchAll.Bench.NSwagGen;

/// <summary>
/// The one place NSwag's settings live: the build-time tool and the in-process generation
/// benchmark both call this, so the peer that is timed is the peer that is run.
/// </summary>
public static class NSwagPeer
{
    /// <summary>Namespace of the peer client, apart from the generated CatchAll.* types.</summary>
    public const string Namespace = "CatchAll.Bench.Peer";

    /// <summary>Parses the YAML spec the way NSwag does (its YAML front end over its JSON document model).</summary>
    public static Task<OpenApiDocument> ParseAsync(string yaml, string path) => OpenApiYamlDocument.FromYamlAsync(yaml, path);

    /// <summary>Generates the peer: System.Text.Json, one client per tag, nullable reference types, optional parameters.</summary>
    public static string Generate(OpenApiDocument document) => new CSharpClientGenerator(document, CreateSettings()).GenerateFile();

    /// <summary>Settings a careful NSwag user would pick for this API; nothing switched off to make it faster.</summary>
    public static CSharpClientGeneratorSettings CreateSettings()
    {
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "{controller}Client",
            GenerateClientInterfaces = true,
            GenerateOptionalParameters = true,
            UseBaseUrl = true,
            InjectHttpClient = true,
            DisposeHttpClient = false,
            GenerateExceptionClasses = true,
            OperationNameGenerator = new MultipleClientsFromFirstTagAndOperationIdGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = Namespace;
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = true;
        settings.CSharpGeneratorSettings.GenerateOptionalPropertiesAsNullable = true;
        settings.CSharpGeneratorSettings.GenerateDataAnnotations = false;
        return settings;
    }
}
