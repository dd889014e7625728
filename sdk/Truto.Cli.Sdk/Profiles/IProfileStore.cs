namespace Truto.Cli.Sdk.Profiles;

/// <summary>
/// The config file (<c>~/.truto/config.json</c>). Reads need no lock; every update is a locked, atomic
/// read-modify-write, so concurrent truto processes never lose each other's changes. Fields this version does not
/// know are preserved.
/// </summary>
public interface IProfileStore
{
    /// <summary>The config file's path, for messages.</summary>
    string FilePath { get; }

    /// <summary>Reads the config; an empty config when the file does not exist.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The config.</returns>
    /// <exception cref="Errors.CliException">The file exists but cannot be read or parsed.</exception>
    Task<ProfileConfig> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the current config and writes the result atomically.</summary>
    /// <param name="change">Computes the new config from the current one; may throw to abort without writing.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The config as written.</returns>
    Task<ProfileConfig> UpdateAsync(Func<ProfileConfig, ProfileConfig> change, CancellationToken cancellationToken);
}
