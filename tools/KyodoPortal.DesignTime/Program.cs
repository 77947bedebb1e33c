// The startup project of `dotnet ef` only (see docs/migrations.md); running it does nothing.
System.Console.WriteLine("KyodoPortal design-time host: use it with dotnet ef --startup-project.");
