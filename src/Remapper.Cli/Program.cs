// Placeholder entry point until the command tree lands.
return 0;
