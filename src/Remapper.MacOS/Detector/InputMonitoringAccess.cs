namespace Remapper.MacOS.Detector;

/// <summary><c>IOHIDCheckAccess(kIOHIDRequestTypeListenEvent)</c>: whether TCC lets this process read keyboards.</summary>
public enum InputMonitoringAccess
{
    /// <summary><c>kIOHIDAccessTypeGranted</c>.</summary>
    Granted = 0,

    /// <summary><c>kIOHIDAccessTypeDenied</c>: the user said no, or turned it off.</summary>
    Denied = 1,

    /// <summary><c>kIOHIDAccessTypeUnknown</c>: never asked yet (IOHIDRequestAccess shows the prompt).</summary>
    Unknown = 2,
}

public static class InputMonitoring
{
    /// <summary>Where the switch is (macOS 13 and later; on 12, System Preferences → Security &amp; Privacy → Privacy).</summary>
    public const string SettingsPath = "System Settings → Privacy & Security → Input Monitoring";

    public static string Fix(string executable) =>
        $"open {SettingsPath} and turn on {executable} (use + to add it if it is not listed), then Remapper picks the keyboards up within 30 s";

    public static string Explain(InputMonitoringAccess access) => access switch
    {
        InputMonitoringAccess.Denied => "Input Monitoring is not granted to Remapper, so macOS refuses to let it open any keyboard",
        InputMonitoringAccess.Unknown => "Input Monitoring has not been granted to Remapper yet (macOS asks once; the answer is pending or the prompt was dismissed)",
        _ => "Input Monitoring is granted",
    };
}
