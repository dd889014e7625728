namespace Truto.Plugins.Profiles;

/// <summary>
/// What shell completion offers for an argument. truto reads it by shape, not by type (a public
/// <c>CompletionValues</c> list, or a <c>CompletionSource</c> the host knows, such as <c>"profiles"</c>), so the
/// plugin SDK needs nothing for it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CompletionAttribute : Attribute
{
    /// <summary>The keys <c>profiles set</c> and <c>profiles get</c> accept.</summary>
    public const string ProfileKeys = "profile-keys";

    /// <summary>The bring-your-own key providers of <c>profiles set-key</c>.</summary>
    public const string ByokProviders = "byok-providers";

    /// <summary>The saved profile names (the host reads them from the config file).</summary>
    public const string Profiles = "profiles";

    public CompletionAttribute(string what) => What = what;

    public string What { get; }

    /// <summary>A source only the host can answer, or null when the plugin lists the values itself.</summary>
    public string? CompletionSource => What == Profiles ? Profiles : null;

    public IEnumerable<string>? CompletionValues => What switch
    {
        ProfileKeys => Truto.Plugins.Profiles.ProfileKeys.All.Select(k => k.Name),
        ByokProviders => SetByokKeyCommand.Providers,
        _ => null,
    };
}
