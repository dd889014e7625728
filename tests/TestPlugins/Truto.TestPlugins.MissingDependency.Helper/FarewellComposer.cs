namespace Truto.TestPlugins.MissingDependency.Helper;

public sealed class FarewellComposer
{
    public string Compose(string name) => $"Goodbye, {name}!";
}
