namespace Remapper.Core.Keymap;

public abstract record ConditionModel(SourceLocation Location);

/// <summary><c>variable_if</c> (or with <see cref="Negate"/>, <c>variable_unless</c>). A variable never set reads as 0.</summary>
public sealed record VariableCondition(string Name, VariableValue Value, bool Negate, SourceLocation Location) : ConditionModel(Location)
{
    public VariableCondition(string name, int value, bool negate, SourceLocation location) : this(name, VariableValue.Of(value), negate, location) { }
}

/// <summary><c>expression_if</c> / <c>expression_unless</c>: true when the expression is not 0.</summary>
public sealed record ExpressionCondition(ExpressionModel Expression, bool Negate, SourceLocation Location) : ConditionModel(Location);

/// <summary><c>device_if</c> / <c>device_unless</c>: true when the event's keyboard matches any of the entries.</summary>
public sealed record DeviceCondition(IReadOnlyList<DeviceMatch> Matches, bool Negate, SourceLocation Location) : ConditionModel(Location);

/// <summary><c>device_exists_if</c> / <c>device_exists_unless</c>: true when any attached keyboard matches any of the entries.</summary>
public sealed record DeviceExistsCondition(IReadOnlyList<DeviceMatch> Matches, bool Negate, SourceLocation Location) : ConditionModel(Location);

/// <summary><c>keyboard_type_if</c> / <c>keyboard_type_unless</c>: compares <c>[settings] keyboard_type</c>.</summary>
public sealed record KeyboardTypeCondition(IReadOnlyList<string> KeyboardTypes, bool Negate, SourceLocation Location) : ConditionModel(Location);
