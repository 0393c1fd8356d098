using JustCulture.Cli;

return await JustCultureCli.InvokeAsync(args, Console.Out, Console.Error);
