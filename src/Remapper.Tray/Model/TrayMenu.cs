namespace Remapper.Tray.Model;

/// <summary>What a menu item does when clicked.</summary>
public enum TrayCommand { None, Pause, Resume, Reload, OpenKeymap, ShowDiagnostics, Quit }

/// <summary>One line of the menu. <see cref="TrayCommand.None"/> lines are information (a keyboard, the summary).</summary>
/// <param name="Separator">A separator line; <paramref name="Label"/> is empty.</param>
public sealed record TrayMenuItem(string Label, TrayCommand Command = TrayCommand.None, bool Enabled = true, bool Separator = false)
{
    public static readonly TrayMenuItem Line = new("", Separator: true);

    public static TrayMenuItem Info(string label) => new(label, TrayCommand.None, Enabled: false);
}

/// <summary>The whole menu, compared by value so the UI rebuilds its native menu only when something changed.</summary>
public sealed class TrayMenu(IReadOnlyList<TrayMenuItem> items) : IEquatable<TrayMenu>
{
    public IReadOnlyList<TrayMenuItem> Items { get; } = items;

    public TrayMenuItem? Find(TrayCommand command) => Items.FirstOrDefault(i => i.Command == command);

    public bool Equals(TrayMenu? other) => other is not null && Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => Equals(obj as TrayMenu);

    public override int GetHashCode() => Items.Count;

    public override string ToString() => string.Join("\n", Items.Select(i => i.Separator ? "---" : i.Enabled ? i.Label : $"({i.Label})"));
}
