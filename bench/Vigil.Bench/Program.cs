using Vigil.Bench;
using Vigil.Bench.Serve;

// Benchmarks print ratios against a baseline measured in the same run, because these machines are noisy.
return args.FirstOrDefault() switch
{
    "hunt" => HuntBenchmark.Run(args[1..]),
    "hunt-parts" => HuntPartsBenchmark.Run(args[1..]),
    "prefilter-stats" => PrefilterStatsBenchmark.Run(args[1..]),
    "evtx" => EvtxBenchmark.Run(args[1..]),
    "serve" => await ServeBenchmark.RunAsync(args[1..]),
    "serve-parts" => await ServePartsBenchmark.RunAsync(args[1..]),
    "detect-parts" => await DetectPartsBenchmark.RunAsync(args[1..]),
    "vulns" => await VulnsBenchmark.RunAsync(args[1..]),
    "phi" => Vigil.Bench.Phi.PhiBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Vigil.Bench hunt [--events N] [--corpus FILE] [--rounds N] [--sigma DIR]");
    Console.Error.WriteLine("       Vigil.Bench hunt-parts [--events N] [--corpus FILE] [--rounds N] [--sigma DIR]");
    Console.Error.WriteLine("       Vigil.Bench prefilter-stats [--events N] [--corpus FILE] [--rounds N] [--sigma DIR] [--field NAME]");
    Console.Error.WriteLine("       Vigil.Bench evtx [--large-mb N] [--rounds N] [--samples DIR]");
    Console.Error.WriteLine("       Vigil.Bench serve [--events N] [--rate N] [--seconds N] [--sigma DIR] [--without-sigma] [--warm-up N] [--rsyslog-runs N] [--serve-yaml 'key: value;...']");
    Console.Error.WriteLine("       Vigil.Bench serve-parts [--events N] [--batch N] [--rounds N] [--types]");
    Console.Error.WriteLine("       Vigil.Bench vulns [--components N] [--rounds N] [--baseline-sample N]");
    Console.Error.WriteLine("       Vigil.Bench phi [--data DIR] [--vocabulary DIR] [--rounds N] [--openredaction FILE] [--openredaction-uk FILE] [--no-end-to-end] [--dump FILE]");
    return 2;
}
