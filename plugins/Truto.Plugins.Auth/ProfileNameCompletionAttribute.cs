namespace Truto.Plugins.Auth;

/// <summary>
/// Shell completion offers the saved profile names here. truto reads the attribute by shape (a public
/// <c>CompletionSource</c> of <c>"profiles"</c>), so the plugin SDK needs nothing for it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ProfileNameCompletionAttribute : Attribute
{
    public string CompletionSource => "profiles";
}
