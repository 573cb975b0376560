using System.CommandLine;
using System.Diagnostics;
using Remapper.Core.Keymap;

namespace Remapper.Cli.Commands;

/// <summary>
/// <c>remapper edit [--config PATH] [--system]</c>: opens your keymap in <c>$VISUAL</c> or <c>$EDITOR</c> (writing the
/// starter first when it does not exist yet), checks it when the editor exits and, while it has errors, offers to
/// open it again — so a broken keymap is noticed at once, not when the daemon rejects it.
/// </summary>
internal static class EditCommand
{
    /// <summary>Runs the editor on a file and returns its exit code; tests substitute one that writes the file.</summary>
    public delegate int EditorRunner(string program, IReadOnlyList<string> arguments);

    public static Command Create(EditorRunner? runEditor = null, Func<string, string?>? env = null, Func<TextReader>? stdin = null,
        Func<bool>? interactive = null)
    {
        runEditor ??= RunProcess;
        env ??= Environment.GetEnvironmentVariable;
        stdin ??= () => Console.In;
        interactive ??= () => !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var keymap = new CommandKeymap();
        var command = new Command("edit",
            "Open your keymap in $VISUAL or $EDITOR (writing the starter first if it does not exist), then check it: " +
            "while it has errors, offer to open it again. Exit code 0 when the saved keymap is valid, 1 when not.");
        keymap.AddTo(command);
        command.SetAction(parse =>
        {
            var o = parse.Out();
            if (InitCommand.Target(parse.GetValue(keymap.Config), parse.GetValue(keymap.System)) is not { } path)
            {
                parse.Error().WriteLine("remapper edit: neither $HOME nor $XDG_CONFIG_HOME is set; name the file with --config PATH");
                return ExitCodes.UsageOrIo;
            }
            if (!File.Exists(path))
            {
                if (!StarterKeymap.TryWrite(path, out var problem))
                {
                    parse.Error().WriteLine($"remapper edit: {problem}");
                    return ExitCodes.UsageOrIo;
                }
                o.WriteLine($"wrote the starter keymap to {path}");
            }
            var editor = Editor(env);
            while (true)
            {
                int code;
                try
                {
                    code = runEditor(editor[0], [.. editor.Skip(1), path]);
                }
                catch (System.ComponentModel.Win32Exception e)
                {
                    parse.Error().WriteLine($"remapper edit: cannot start the editor '{editor[0]}' ({e.Message}); set $VISUAL or $EDITOR");
                    return ExitCodes.UsageOrIo;
                }
                if (code != 0)
                {
                    parse.Error().WriteLine($"remapper edit: the editor exited with code {code}; {path} was not checked");
                    return ExitCodes.UsageOrIo;
                }
                var result = KeymapLoader.LoadFile(path);
                foreach (var d in result.Diagnostics) o.WriteLine(d.ToString());
                if (result.Success)
                {
                    o.WriteLine($"{path}: ok; a running daemon uses it now");
                    return ExitCodes.Ok;
                }
                var errors = result.Diagnostics.Count(d => d.IsError);
                o.WriteLine($"{path}: {errors} error{(errors == 1 ? "" : "s")}; a running daemon keeps its previous keymap");
                if (!interactive()) return ExitCodes.Failed;
                o.Write("Edit again? [Y/n] ");
                o.Flush();
                var answer = stdin().ReadLine()?.Trim();
                if (answer is null || answer.StartsWith('n') || answer.StartsWith('N')) return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// <summary>$VISUAL, then $EDITOR (either may carry arguments, like <c>code --wait</c>), else vi. Never run through a shell.</summary>
    internal static string[] Editor(Func<string, string?> env)
    {
        foreach (var name in new[] { "VISUAL", "EDITOR" })
            if (env(name) is { } value && value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words)
                return words;
        return ["vi"];
    }

    private static int RunProcess(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new System.ComponentModel.Win32Exception("it did not start");
        process.WaitForExit();
        return process.ExitCode;
    }
}
