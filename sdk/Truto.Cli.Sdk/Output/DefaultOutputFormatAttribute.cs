namespace Truto.Cli.Sdk.Output;

/// <summary>
/// Declares the format a command uses when <c>-o</c> is not given (table otherwise). Every <c>get</c> command
/// declares <see cref="OutputFormat.Json"/>, as the official CLI does.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class DefaultOutputFormatAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="format">The default format.</param>
    public DefaultOutputFormatAttribute(OutputFormat format) => Format = format;

    /// <summary>The default format.</summary>
    public OutputFormat Format { get; }
}
