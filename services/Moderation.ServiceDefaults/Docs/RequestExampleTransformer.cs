using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Moderation.ServiceDefaults.Docs;

/// <summary>Puts <see cref="RequestExamples"/> on every operation: each parameter and each JSON request body.</summary>
internal sealed class RequestExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter concrete && concrete.Example is null && parameter.Name is { } name)
            {
                var type = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Name == name)?.Type ?? typeof(string);
                concrete.Example = RequestExamples.Parameter(name) ?? RequestExamples.Body(type);
            }
        }

        var bodyType = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type
            ?? context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType;
        if (bodyType is not null && operation.RequestBody?.Content is { } content && RequestExamples.Body(bodyType) is { } example)
        {
            foreach (var mediaType in content.Values)
            {
                mediaType.Example ??= example.DeepClone();
            }
        }

        return Task.CompletedTask;
    }
}
