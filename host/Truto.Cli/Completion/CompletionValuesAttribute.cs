namespace Truto.Cli.Completion;

/// <summary>
/// The values shell completion offers for an argument or option of a host command. Plugins declare their own
/// attribute of the same shape (a public <c>CompletionValues</c> property), so the SDK needs nothing for it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CompletionValuesAttribute(params string[] values) : Attribute
{
    public IEnumerable<string> CompletionValues => values;
}
