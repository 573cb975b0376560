// The daemon and its socket are Unix-only; so are these tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
