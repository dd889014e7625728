namespace Truto.Cli.Sdk.Profiles;

/// <summary>
/// Resolves this invocation's credentials in the documented order. The only way a plugin sees a secret.
/// </summary>
public interface ICredentials
{
    /// <summary>The profile in use: <c>-p</c>, else the active one; null when there is none.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The profile's name, or null.</returns>
    Task<string?> GetProfileNameAsync(CancellationToken cancellationToken);

    /// <summary>The API token: <c>--token</c>, else the profile's.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The token and where it came from.</returns>
    /// <exception cref="Errors.AuthRequiredException">Neither is available.</exception>
    Task<ResolvedToken> GetApiTokenAsync(CancellationToken cancellationToken);

    /// <summary>The API URL: <c>--api-url</c>, else the profile's, else <c>https://api.truto.one</c>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The URL.</returns>
    Task<Uri> GetApiUrlAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A bring-your-own key: <paramref name="flagValue"/>, else the provider's environment variable, else the
    /// profile, else a masked prompt on a terminal.
    /// </summary>
    /// <param name="provider">Whose key.</param>
    /// <param name="flagValue">The value of the command's key flag, or null.</param>
    /// <param name="cancellationToken">Cancels the prompt.</param>
    /// <returns>The key.</returns>
    /// <exception cref="Errors.AuthRequiredException">No key is available; the message names every way to give one.</exception>
    Task<string> GetByokKeyAsync(ByokProvider provider, string? flagValue, CancellationToken cancellationToken);
}

/// <summary>A resolved API token.</summary>
/// <param name="Value">The secret itself.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="ProfileName">The profile it came from, when <paramref name="Source"/> is <see cref="TokenSource.Profile"/>.</param>
public sealed record ResolvedToken(string Value, TokenSource Source, string? ProfileName)
{
    /// <summary>Never prints the secret.</summary>
    /// <returns>A description without the value.</returns>
    public override string ToString() => $"token from {Source}";
}

/// <summary>Where an API token came from.</summary>
public enum TokenSource
{
    /// <summary>The <c>--token</c> option.</summary>
    Flag,
    /// <summary>A saved profile.</summary>
    Profile,
}

/// <summary>The services whose keys users bring.</summary>
public enum ByokProvider
{
    /// <summary>Anthropic (Claude).</summary>
    Anthropic,
    /// <summary>Firecrawl.</summary>
    Firecrawl,
    /// <summary>Fireworks.</summary>
    Fireworks,
}
