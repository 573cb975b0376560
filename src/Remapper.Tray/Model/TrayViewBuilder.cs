using Remapper.Backend;
using Remapper.Ipc;

namespace Remapper.Tray.Model;

/// <summary>
/// Turns a daemon snapshot into what the tray shows: not running, or the daemon's own state word
/// (<see cref="StatusRules.StateWord"/>, the one `remapper status` prints) — keymap error (the file the user just saved
/// is not what runs), paused (a deliberate act, and nothing is remapped anyway), degraded (a keyboard or the output
/// device does not work), running.
/// </summary>
public static class TrayViewBuilder
{
    public static TrayView Build(DaemonSnapshot snapshot)
    {
        if (snapshot.Status is not { } status) return NotRunning(snapshot.Problem);

        var problems = Problems(status);
        var firstError = status.Keymap.Diagnostics.FirstOrDefault(d => d.Severity == "error");
        TrayState state;
        string headline;
        if (status.State == StatusRules.ConfigError)
        {
            state = TrayState.Error;
            headline = "Remapper: keymap error";
        }
        else if (status.State == StatusRules.Paused)
        {
            state = TrayState.Paused;
            headline = "Remapper: paused";
        }
        else if (status.State == StatusRules.Degraded || problems.Count > 0)
        {
            state = TrayState.Warning;
            headline = problems.Count == 1 ? "Remapper: running, 1 problem" : $"Remapper: running, {problems.Count} problems";
        }
        else
        {
            state = TrayState.Running;
            var seized = status.Keyboards.Count(k => k.State == KeyboardState.Seized);
            headline = $"Remapper: running, {seized} keyboard{(seized == 1 ? "" : "s")} remapped";
        }

        var lines = new List<string> { headline };
        if (firstError is not null)
        {
            lines.Add(ErrorLine(firstError));
            lines.Add("The previous keymap keeps running.");
        }
        if (state == TrayState.Error && status.Paused) lines.Add("Remapping is paused.");
        lines.AddRange(problems);
        IReadOnlyList<string> details = firstError is null ? [] : [ErrorLine(firstError)];
        return new TrayView(state, TrayIcons.NameOf(state), string.Join("\n", lines), Menu(status, headline, details), KeymapToEdit(status));
    }

    /// <summary>
    /// "Open keymap" opens the file to edit: while the shipped default runs, your own keymap's place as the daemon's
    /// locator names it (the daemon picks the file up once it exists), not the shipped file.
    /// </summary>
    private static string? KeymapToEdit(StatusResult status) =>
        status.Keymap.Origin is "shippedDefault" or "none"
            ? status.Keymap.FileToCreate ?? status.Keymap.Path
            : status.Keymap.Path;

    /// <summary>"config.toml:12:5: unknown key 'capslok' — did you mean 'caps_lock'?": file name, line:col and the fix.</summary>
    public static string ErrorLine(DiagnosticDto d)
    {
        var file = string.IsNullOrEmpty(d.File) ? "keymap" : Path.GetFileName(d.File);
        var suggestion = string.IsNullOrWhiteSpace(d.Suggestion) ? "" : $" — {d.Suggestion}";
        return $"{file}:{d.Line}:{d.Column}: {d.Message}{suggestion}";
    }

    /// <summary>Every reason something is not remapped, one line each, naming the keyboard.</summary>
    private static List<string> Problems(StatusResult status)
    {
        var problems = new List<string>();
        if (status.Output.IsProblem())
            problems.Add($"Output device ({status.Output.Kind}): {status.Output.Detail}");
        if (status.Note is { } note) problems.Add(note);
        problems.AddRange(status.Keyboards.Where(k => KeyboardText.IsProblem(k.State)).Select(k => KeyboardText.Describe(k)));
        if (status.Keyboards.Count == 0) problems.Add("No keyboard found.");
        return problems;
    }

    private static TrayView NotRunning(string problem)
    {
        // "remapper is not running (no socket at X)" under the headline "Remapper: not running": keep only the why.
        const string prefix = "remapper is not running (";
        if (problem.StartsWith(prefix, StringComparison.Ordinal) && problem.EndsWith(')')) problem = problem[prefix.Length..^1];
        var tooltip = string.IsNullOrWhiteSpace(problem) ? "Remapper: not running" : $"Remapper: not running\n{problem}";
        var menu = new TrayMenu(
        [
            TrayMenuItem.Info("Remapper: not running"),
            .. (string.IsNullOrWhiteSpace(problem) ? [] : new[] { TrayMenuItem.Info(problem) }),
            TrayMenuItem.Line,
            new("Pause remapping", TrayCommand.Pause, Enabled: false),
            new("Reload keymap", TrayCommand.Reload, Enabled: false),
            new("Open keymap", TrayCommand.OpenKeymap, Enabled: false),
            new("Show diagnostics", TrayCommand.ShowDiagnostics),
            TrayMenuItem.Line,
            new("Quit tray", TrayCommand.Quit),
        ]);
        return new TrayView(TrayState.NotRunning, TrayIcons.NameOf(TrayState.NotRunning), tooltip, menu, null);
    }

    /// <param name="details">Lines under the headline (the keymap error): AppIndicator has no tooltip, so the menu says it too.</param>
    private static TrayMenu Menu(StatusResult status, string headline, IReadOnlyList<string> details)
    {
        var items = new List<TrayMenuItem> { TrayMenuItem.Info(headline) };
        items.AddRange(details.Select(TrayMenuItem.Info));
        items.Add(TrayMenuItem.Line);
        if (status.Keyboards.Count == 0) items.Add(TrayMenuItem.Info("No keyboard found"));
        foreach (var keyboard in status.Keyboards)
        {
            items.Add(TrayMenuItem.Info(KeyboardText.Describe(keyboard, status.Paused)));
            if (KeyboardText.IsProblem(keyboard.State) && !string.IsNullOrWhiteSpace(keyboard.Fix))
                items.Add(TrayMenuItem.Info($"    Fix: {keyboard.Fix}"));
        }
        items.Add(TrayMenuItem.Line);
        items.Add(status.Paused ? new("Resume remapping", TrayCommand.Resume) : new("Pause remapping", TrayCommand.Pause));
        items.Add(new("Reload keymap", TrayCommand.Reload));
        items.Add(new("Open keymap", TrayCommand.OpenKeymap, Enabled: status.Keymap.Path is not null));
        items.Add(new("Show diagnostics", TrayCommand.ShowDiagnostics));
        items.Add(TrayMenuItem.Line);
        items.Add(new("Quit tray", TrayCommand.Quit));
        return new TrayMenu(items);
    }
}
