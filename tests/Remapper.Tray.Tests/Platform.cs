// The daemon's socket and the tray are Unix-only; so are these tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
