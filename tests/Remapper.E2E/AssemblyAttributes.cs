// The suite boots a Linux guest with QEMU and reads Linux paths; on another host every test skips (see Prerequisites).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
