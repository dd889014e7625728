// The entry point of the SDK, as far as a plugin needs it to compile: same names, same namespace.
namespace Truto.Cli.Sdk.Plugins;

[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class TrutoPluginAttribute(Type entryType) : Attribute
{
    public Type EntryType { get; } = entryType;
}

public interface ITrutoPlugin
{
    string Name { get; }

    string Description { get; }

    void Register(IPluginBuilder plugin);
}

public interface IPluginBuilder
{
    IPluginBuilder AddCommand<TCommand>() where TCommand : class;
}
