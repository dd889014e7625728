using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Conventions;
using Microsoft.Extensions.DependencyInjection;

namespace Truto.Cli.CommandLine;

/// <summary>
/// Replaces CommandLineUtils' constructor injection, which resolves every command's dependencies while the tree is
/// built. Here a command is constructed, from the container, only when the parser first needs its object: the
/// command being run and its parents, never its siblings.
/// </summary>
internal sealed class LazyConstructionConvention(IServiceProvider services) : IConvention
{
    private static readonly MethodInfo SetFactoryMethod =
        typeof(LazyConstructionConvention).GetMethod(nameof(SetFactory), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public void Apply(ConventionContext context)
    {
        if (context.ModelType is { } modelType)
        {
            SetFactoryMethod.MakeGenericMethod(modelType).Invoke(this, [context.Application]);
        }
    }

    private void SetFactory<TModel>(CommandLineApplication application) where TModel : class =>
        ((CommandLineApplication<TModel>)application).ModelFactory =
            () => ActivatorUtilities.GetServiceOrCreateInstance<TModel>(services);
}
