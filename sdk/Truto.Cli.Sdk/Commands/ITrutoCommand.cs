namespace Truto.Cli.Sdk.Commands;

/// <summary>
/// A runnable (leaf) command. Options and arguments are properties on the class, declared with McMaster's
/// <c>[Option]</c> and <c>[Argument]</c> attributes; dependencies arrive through the constructor.
/// A command hands data to <see cref="Output.IOutput"/> and reports failure by throwing a <see cref="Errors.CliException"/>.
/// </summary>
public interface ITrutoCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="cancellationToken">Signalled when the user presses Ctrl+C.</param>
    /// <returns>The exit code, normally <see cref="Errors.ExitCodes.Success"/>.</returns>
    Task<int> ExecuteAsync(CancellationToken cancellationToken);
}
