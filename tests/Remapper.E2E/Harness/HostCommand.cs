using System.Diagnostics;
using System.Text;

namespace Remapper.E2E.Harness;

/// <summary>Runs a program on the host, with a time limit, keeping its combined output for error messages.</summary>
internal static class HostCommand
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Ok => ExitCode == 0;

        /// <summary>The last lines of output: enough to see why something failed without flooding the message.</summary>
        public string Tail(int lines = 25) => string.Join('\n', Output.Split('\n').TakeLast(lines));
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        Action<string>? onLine = null, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // A null value removes the variable (an empty one is not the same to every program).
        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(line);
            }
            onLine?.Invoke(line);
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(127, $"cannot start {fileName}: {e.Message}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
            {
                return new Result(124, output + $"\n{fileName} did not finish within {timeout.TotalSeconds:0} s and was killed");
            }
        }
        process.WaitForExit(); // flushes the asynchronous readers
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Which(string program)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            string candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
