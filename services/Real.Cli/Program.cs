using Real.Cli;

return await CliErrors.RunAsync(() => RealApp.Create().RunAsync(args));
