namespace Remapper.Core.Engine;

/// <summary>
/// A rule's (or a to-event's) conditions, resolved to indexes: variables by slot, device conditions by their
/// index in the keymap's list (the engine keeps one match bit per keyboard and one "exists" bit per condition).
/// <see cref="Never"/> is a condition known false when the keymap was compiled (a keyboard_type_if that does
/// not name the configured type).
/// </summary>
internal sealed class CompiledConditions
{
    public static readonly CompiledConditions Always = new([], [], [], false);

    public CompiledConditions(VariableTest[] variables, DeviceTest[] devices, DeviceTest[] exists, bool never, ExpressionTest[]? expressions = null)
    {
        Variables = variables;
        Devices = devices;
        Exists = exists;
        Never = never;
        Expressions = expressions ?? [];
    }

    /// <summary>expression_if / expression_unless: the expression is not 0 (with Negate: is 0).</summary>
    public ExpressionTest[] Expressions { get; }

    public VariableTest[] Variables { get; }
    public DeviceTest[] Devices { get; }
    public DeviceTest[] Exists { get; }
    public bool Never { get; }

    public bool IsEmpty => Variables.Length == 0 && Devices.Length == 0 && Exists.Length == 0 && Expressions.Length == 0 && !Never;
}

internal readonly record struct ExpressionTest(CompiledExpression Expression, bool Negate);

internal readonly record struct VariableTest(int Variable, int Value, bool Negate);

/// <summary>Index into the keymap's device-condition list.</summary>
internal readonly record struct DeviceTest(int Condition, bool Negate);
