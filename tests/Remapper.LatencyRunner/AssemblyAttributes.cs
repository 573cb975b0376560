// Boots a Linux guest with QEMU and reads Linux paths, like the e2e suite whose harness it links.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
