package etw.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.scenario.EnsembleResult;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Trajectory;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.Ensemble;
import etw.engine.InstalledModel;
import etw.engine.RunException;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.io.HtmlReport;
import etw.io.IamcCsv;
import etw.io.NonFiniteValueException;
import etw.io.Numbers;
import etw.io.OutputNames;
import etw.io.RunFiles;
import etw.io.SafeText;
import etw.scenario.ScenarioException;
import etw.scenario.ScenarioService;

/**
 * The {@code etw} commands. Exit codes: 0 done, 1 a run failed (a model misbehaved), 2 bad input. Scenarios are
 * found through the {@link ScenarioService} (canned, saved in the workspace, or a file the user names). Every
 * name that came from a scenario or a model is printed through {@link SafeText}, so it cannot act on the
 * terminal.
 */
final class Cli {
    static final int OK = 0;
    static final int RUN_FAILED = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = """
            Usage: etw [--workspace DIR] <command> [options]

            Commands:
              run <scenario> [--out DIR] [--step-limit SECONDS] [--with PLUGIN[,PLUGIN]]
                                           run a canned scenario (by name), a saved one (by name) or a
                                           scenario file (.yaml); prints headline results, the plugins that
                                           took part and any warnings, and writes DIR/<name>.csv (IAMC
                                           format) and DIR/<name>.manifest.json (default DIR: results); a
                                           model step running longer than the limit (default 10 s) fails
                                           the run
              compare <a> <b> [...] [--years Y1,Y2] [--region R] [--with PLUGIN[,PLUGIN]]
                                           headline variables side by side for chosen years (default:
                                           first, middle and last year; region: the first), with each
                                           scenario's difference from the first
              ensemble <scenario> --samples N [--seed S] [--threads T] [--out DIR] [--with PLUGIN[,PLUGIN]]
                                           run N samples with the parameters drawn from the scenario's
                                           'uncertainty:' distributions, on all cores; prints p5/p50/p95 of the
                                           headline variables and writes DIR/<name>.ensemble.csv
              ensemble <scenario> --samples N --cluster HOST:PORT[,...] [--secret-file F] [...]
                                           the same result, bit for bit, its samples run by the members of a
                                           cluster (etw node); see docs/cluster.md
              node [--join HOST:PORT,...] [--port P] [--interface ADDR] [--secret-file F]
                                           a cluster member on 127.0.0.1:P (default 5701) that runs jobs
                                           signed with the cluster secret (default ~/.etw/cluster.secret)
            """ + SensitivityCommand.USAGE + ValidateCommand.USAGE + """
              report <scenario> [--compare other]... [--samples N] [--sensitivity N] [-o FILE]
                     [--with PLUGIN[,PLUGIN]]
                                           one self-contained HTML file with SVG charts (supply mix, demand
                                           by sector, emissions against the 1.5 C milestones, ensemble bands
                                           with --samples, Sobol indices of power-sector CO2 from N x (k + 2)
                                           runs with --sensitivity) and the run manifest (default FILE:
                                           results/<name>.html)
              workbench [--port P] [--public] [--cluster HOST:PORT[,...] --secret-file F]
                                           the web workbench on 127.0.0.1:P (default 8080); --public listens
                                           on every interface and requires the printed token; --cluster lets
                                           the page run ensembles and sensitivity analyses on those members
              show <scenario> <variable> [--region R] [--years 2030,2050|2030-2040] [--every N]
                                           the variable and what is directly below it (e.g. generation by
                                           source, demand by sector) for one region (default: the first):
                                           every N years (default 5), the years listed, or every year of a
                                           span, with a trend line (sparkline) per column over those years
              explain <variable|parameter> what a variable or parameter means: unit, description, source,
                                           which models write and read it, its range and default
              graph <scenario> [--dot] [--with PLUGIN[,PLUGIN]]
                                           the scenario's wiring: models in step order and what each reads
                                           from whom (lags marked); --dot prints Graphviz DOT
              models [<model id>]          installed models with inputs, outputs and parameters;
                                           with an id, every parameter's description and source
              scenarios [<name>] [--yaml|--file]
                                           the canned scenarios and the variants saved in the workspace
                                           (with what each extends); with a name, its lab sheet or its text;
                                           --yaml prints the scenario as it runs (parents resolved), --file
                                           the scenario file as written, with its comments
              help                         this text
              daemon status|stop           the background process that keeps the workbench loaded
                                           between commands, so short ones start quickly (it stops
                                           after 30 idle minutes; ETW_DAEMON=off runs every command
                                           in its own process)

            Options for every command:
              --workspace DIR              where saved scenarios and their data files live (default:
                                           ./scenarios)
              --set [MODEL.]PARAM=VALUE    a quick what-if: set a parameter in every region to a constant or
                                           to a trajectory YEAR:VALUE,YEAR:VALUE (linear between, flat
                                           beyond), e.g. --set etw.models.datacenter.pue=2030:1.3,2050:1.15
                                           (repeatable; on run, show, ensemble, report, graph; compare with
                                           one scenario compares it with its changed copy); the changed
                                           scenario is called <name>-modified unless --as NAME
              --with PLUGIN[,PLUGIN]       let these plugin models join the scenario (a plugin joins only
                                           when the scenario or --with names it, or its author lets it join
                                           by default)
              --debug                      print stack traces with errors

            Output names: a scenario's name becomes a file name, so it may hold letters, digits, '-', '_'
            and '.', must not start with '.', and has at most 100 characters.
            """;

    /** Headline variables printed after a run, in this order, when the result has them. */
    static final List<String> HEADLINES = etw.io.Headlines.VARIABLES;

    private final Supplier<List<InstalledModel>> models;
    private final ScenarioService scenarios;
    private final Supplier<List<String>> problems;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    /** The user's current folder: relative paths on the command line are relative to it. */
    private final Path cwd;
    private boolean debug;

    /**
     * @param scenarios   where scenarios are found: {@link ScenarioService.Access#LOCAL}, so files the user names
     *                    are read
     * @param interactive true when stderr is a terminal, so progress bars may redraw a line
     */
    Cli(Supplier<List<InstalledModel>> models, ScenarioService scenarios, Supplier<List<String>> problems,
        PrintStream out, PrintStream err, boolean interactive) {
        this(models, scenarios, problems, out, err, interactive, Path.of(""));
    }

    /** @param cwd the user's current folder, which relative paths on the command line are relative to */
    Cli(Supplier<List<InstalledModel>> models, ScenarioService scenarios, Supplier<List<String>> problems,
        PrintStream out, PrintStream err, boolean interactive, Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.problems = problems;
        this.interactive = interactive;
        this.models = models;
        this.scenarios = scenarios;
        this.out = out;
        this.err = err;
    }

    /** Thrown for bad input: the message is the one line the user sees. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    int run(String[] argv) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        debug = args.remove("--debug");
        try {
            if (args.isEmpty() || args.get(0).equals("help") || args.contains("--help") || args.contains("-h")) {
                out.print(USAGE);
                return args.isEmpty() ? BAD_INPUT : OK;
            }
            String command = args.remove(0);
            CommandOptions.check(command, args);
            return switch (command) {
                case "run" -> run(args);
                case "models" -> models(args);
                case "scenarios" -> scenarios(args);
                case "graph" -> graph(args);
                case "show" -> show(args);
                case "explain" -> explain(args);
                case "compare" -> compare(args);
                case "ensemble" -> ensemble(args);
                case "report" -> report(args);
                case "validate" -> new ValidateCommand(models, scenarios, out).run(args);
                case "sensitivity" -> new SensitivityCommand(models, out, err, interactive, cwd).run(args, rest -> {
                    Changes c = changes(rest);
                    return load(oneScenario(rest, "sensitivity"), c);
                });
                default -> throw new UsageException("unknown command '" + SafeText.of(command)
                        + "'. Commands: run, show, explain, compare, ensemble, sensitivity, report, validate, graph, models, scenarios, help (etw help).");
            };
        } catch (UsageException | ScenarioException | WiringException e) {
            return fail(BAD_INPUT, e);
        } catch (RunException | NonFiniteValueException e) {
            return fail(RUN_FAILED, e);
        } catch (IOException e) {
            return fail(BAD_INPUT, new UsageException("cannot write results: " + e.getMessage()));
        } catch (RuntimeException e) {
            return unexpected(e);
        } catch (VirtualMachineError e) {
            throw e; // out of memory or a broken JVM: the launcher ends the process with a non-zero exit
        } catch (Error e) {
            // a model's AssertionError, a LinkageError of a plugin...: the run did not finish
            return unexpected(e);
        } finally {
            for (String w : scenarios.warnings()) err.println("etw: warning: " + SafeText.of(w));
        }
    }

    private int fail(int code, Exception e) {
        err.println("etw: " + SafeText.lines(e.getMessage()));
        if (debug) e.printStackTrace(err);
        else if (e.getCause() != null)
            err.println("     (cause: " + SafeText.of(String.valueOf(e.getCause())) + "; --debug shows the stack trace)");
        return code;
    }

    /** A bug of ours or of a plugin: say so in one line; --debug has the stack trace for the report. */
    private int unexpected(Throwable e) {
        err.println("etw: unexpected error: " + SafeText.of(String.valueOf(e))
                + ". Please report it with the output of the same command run with --debug.");
        if (debug) e.printStackTrace(err);
        return RUN_FAILED;
    }

    private int run(List<String> args) throws UsageException, ScenarioException, WiringException, RunException, IOException {
        String outDir = option(args, "--out", "results");
        Duration stepLimit = seconds(option(args, "--step-limit", "10"), "--step-limit");
        Changes with = changes(args);
        Scenario scenario = load(oneScenario(args, "run"), with);
        Path dir = path(outDir, "--out");
        outputName(scenario);
        long t0 = System.nanoTime();
        Wiring wiring = Wiring.wire(scenario, models.get());
        Result result = wiring.run(stepLimit);
        long micros = (System.nanoTime() - t0) / 1000;

        RunFiles.Written written = RunFiles.write(result, dir);

        printSummary(wiring, result, micros);
        if (!with.sets().isEmpty())
            out.println("Changed with --set: " + with.sets().stream().map(x -> SafeText.of(x.model() + "." + x.parameter()
                    + " = " + x.text().substring(x.text().indexOf('=') + 1).strip())).collect(Collectors.joining("; ")));
        out.println();
        out.println("Wrote " + SafeText.of(shown(cwd, written.csv())) + " (IAMC CSV: " + result.variables().size()
                + " variables x " + result.regions().size() + " region(s) x " + scenario.yearCount() + " years) and "
                + SafeText.of(shown(cwd, written.manifest())));
        return OK;
    }

    private int ensemble(List<String> args) throws UsageException, ScenarioException, WiringException, RunException, IOException {
        String outDir = option(args, "--out", "results");
        int samples = positive(option(args, "--samples", null), "--samples");
        String seedText = option(args, "--seed", null);
        String threadsText = option(args, "--threads", null);
        String cluster = option(args, "--cluster", null);
        String secretFile = absolute(option(args, "--secret-file", null), "--secret-file");
        Changes with = changes(args);
        Scenario scenario = load(oneScenario(args, "ensemble"), with);
        Path dir = path(outDir, "--out");
        outputName(scenario);
        Wiring wiring = Wiring.wire(scenario, models.get());
        Ensemble ensemble = Ensemble.of(wiring).samples(samples);
        if (seedText != null) ensemble.seed(whole(seedText, "--seed"));
        if (threadsText != null) ensemble.threads(positive(threadsText, "--threads"));
        ProgressBar bar = new ProgressBar(err, samples, interactive);
        long t0 = System.nanoTime();
        EnsembleResult result;
        try {
            result = cluster != null ? ClusterRun.ensemble(scenario, seedText != null ? whole(seedText, "--seed") : scenario.seed(),
                    samples, cluster, secretFile, err, interactive) : ensemble.progress(bar::update).run();
        } finally {
            bar.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        Path csv = RunFiles.write(result, dir);

        int last = scenario.lastYear();
        out.printf(Locale.ROOT, "Ensemble of %s: %,d samples in %.2f s (%,.0f samples/s), seed %d%n",
                SafeText.of(scenario.name()), samples, seconds, samples / seconds,
                seedText != null ? whole(seedText, "--seed") : scenario.seed());
        out.println("Uncertain: " + SafeText.of(scenario.uncertainty().entrySet().stream()
                .flatMap(e -> e.getValue().entrySet().stream().map(p -> e.getKey() + "/" + p.getKey() + " ~ " + p.getValue()))
                .sorted().collect(Collectors.joining("; "))));
        printTakingPart(wiring, wiring.warnings());
        for (String region : scenario.regions()) {
            out.println();
            out.printf(Locale.ROOT, "%-42s %-12s %12s %12s %12s%n", SafeText.of(region) + ", " + last, "unit", "p5", "p50", "p95");
            for (String h : headlines(wiring)) {
                int v = result.indexOf(h);
                if (v < 0) continue;
                out.printf(Locale.ROOT, "  %-40s %-12s %12s %12s %12s%n", SafeText.of(h),
                        SafeText.of(result.variables().get(v).unit()), Numbers.format(result.value(h, 0, region, last)),
                        Numbers.format(result.value(h, 1, region, last)), Numbers.format(result.value(h, 2, region, last)));
            }
        }
        out.println();
        out.println("Wrote " + SafeText.of(shown(cwd, csv)) + " (IAMC CSV; the Scenario column names the percentile)");
        return OK;
    }

    private int report(List<String> args) throws UsageException, ScenarioException, WiringException, RunException, IOException {
        List<String> others = new ArrayList<>();
        for (String o = option(args, "--compare", null); o != null; o = option(args, "--compare", null)) others.add(o);
        String samplesText = option(args, "--samples", null);
        String sensitivityText = option(args, "--sensitivity", null);
        String file = option(args, "-o", null);
        Changes with = changes(args);
        Scenario scenario = load(oneScenario(args, "report"), with);
        Path target = file != null ? path(file, "-o") : resolve(cwd.resolve("results"), scenario, ".html");
        List<Result> results = new ArrayList<>();
        Wiring wiring = Wiring.wire(scenario, models.get());
        results.add(wiring.run(Duration.ofSeconds(10)));
        for (String o : others) results.add(Wiring.wire(load(o, with), models.get()).run(Duration.ofSeconds(10)));
        EnsembleResult bands = null;
        if (samplesText != null) {
            int samples = positive(samplesText, "--samples");
            ProgressBar bar = new ProgressBar(err, samples, interactive);
            try {
                bands = Ensemble.of(wiring).samples(samples).progress(bar::update).run();
            } finally {
                bar.finish();
            }
        }
        if (target.toAbsolutePath().getParent() != null) Files.createDirectories(target.toAbsolutePath().getParent());
        List<etw.io.SensitivityTable> sensitivity = sensitivityText == null ? List.of()
                : new SensitivityCommand(models, out, err, interactive, cwd).reportTables(scenario, positive(sensitivityText, "--sensitivity"));
        HtmlReport.write(results, bands, sensitivity, target, headlines(wiring));
        for (Result r : results) printWarnings(r);
        this.out.println("Wrote " + SafeText.of(shown(cwd, target)) + " (" + results.size() + " scenario(s)"
                + (bands == null ? "" : ", ensemble of " + bands.samples() + " samples") + "); open it in a browser or print it");
        return OK;
    }

    private static int positive(String text, String option) throws UsageException {
        if (text == null) throw new UsageException(option + " is required, e.g. " + option + " 1000");
        long v = whole(text, option);
        if (v < 1 || v > 10_000_000)
            throw new UsageException(option + " takes a whole number from 1 to 10,000,000, got " + SafeText.of(text));
        return (int) v;
    }

    private static long whole(String text, String option) throws UsageException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, got '" + SafeText.of(text) + "'");
        }
    }

    private int compare(List<String> args) throws UsageException, ScenarioException, WiringException, RunException,
            NonFiniteValueException {
        String years = option(args, "--years", null);
        String region = option(args, "--region", null);
        Changes with = changes(args);
        if (!with.sets().isEmpty() && args.size() != 1)
            throw new UsageException("compare with --set takes one scenario and compares it with its changed copy, e.g. "
                    + "etw compare baseline --set pue=1.2");
        if (args.size() < 2 && with.sets().isEmpty())
            throw new UsageException("compare takes two or more scenarios, e.g. etw compare baseline my-variant.yaml");
        List<Result> results = new ArrayList<>();
        java.util.LinkedHashSet<String> comparedHeadlines = new java.util.LinkedHashSet<>(HEADLINES);
        if (!with.sets().isEmpty()) {
            Result original = Wiring.wire(load(args.get(0), new Changes(with.with(), List.of(), null)), models.get())
                    .run(Duration.ofSeconds(10));
            IamcCsv.requireFinite(original);
            results.add(original);
        }
        for (String ref : args) {
            Wiring wiring = Wiring.wire(load(ref, with), models.get());
            comparedHeadlines.addAll(headlines(wiring));
            Result r = wiring.run(Duration.ofSeconds(10));
            IamcCsv.requireFinite(r);
            results.add(r);
        }
        Result first = results.get(0);
        String r = region != null ? region : first.regions().get(0);
        List<Integer> chosen = new ArrayList<>();
        if (years == null) {
            chosen.addAll(List.of(first.firstYear(), (first.firstYear() + first.lastYear()) / 2, first.lastYear()));
        } else {
            for (String y : years.split(",")) {
                try {
                    chosen.add(Integer.parseInt(y.trim()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--years takes years separated by commas, e.g. 2030,2050; got '"
                            + SafeText.of(years) + "'");
                }
            }
        }
        for (Result res : results) {
            r = region(res, r);
            for (int y : chosen)
                if (y < res.firstYear() || y > res.lastYear())
                    throw new UsageException("year " + y + " is outside scenario " + SafeText.of(res.scenario().name()) + " ("
                            + res.firstYear() + "-" + res.lastYear() + ")");
        }
        out.println("Region: " + SafeText.of(r) + "; differences are from " + SafeText.of(first.scenario().name()));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-42s %-12s %6s", "variable", "unit", "year"));
        for (Result res : results)
            header.append(String.format(Locale.ROOT, " %14s", shorten(SafeText.of(res.scenario().name()), 14)));
        for (int i = 1; i < results.size(); i++) header.append(String.format(Locale.ROOT, " %16s", "diff " + (i + 1)));
        out.println(header);
        for (String h : comparedHeadlines) {
            if (results.stream().anyMatch(res -> !res.has(h))) continue;
            for (int y : chosen) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-42s %-12s %6d", shorten(SafeText.of(h), 42),
                        SafeText.of(first.variables().get(first.indexOf(h)).unit()), y));
                double base = first.value(h, r, y);
                for (Result res : results) line.append(String.format(Locale.ROOT, " %14s", Numbers.format(res.value(h, r, y))));
                for (int i = 1; i < results.size(); i++) {
                    double d = results.get(i).value(h, r, y) - base;
                    line.append(String.format(Locale.ROOT, " %9s %6s", Numbers.signed(d),
                            base == 0 ? "" : String.format(Locale.ROOT, "%+.0f%%", 100 * d / base)));
                }
                out.println(line);
            }
        }
        for (Result res : results) printWarnings(res);
        return OK;
    }

    /** The distribution's headline variables, then those the wired models ask for. */
    private static List<String> headlines(Wiring wiring) {
        return etw.io.Headlines.with(wiring.order().stream().map(m -> m.model().descriptor()).toList());
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : "..." + s.substring(s.length() - width + 3);
    }

    private int show(List<String> args) throws UsageException, ScenarioException, WiringException, RunException {
        String region = option(args, "--region", null);
        String everyText = option(args, "--every", null);
        String yearsText = option(args, "--years", null);
        int every = (int) whole(everyText == null ? "5" : everyText, "--every");
        if (every < 1) throw new UsageException("--every takes a whole number of years from 1, got " + every);
        Changes with = changes(args);
        if (args.size() != 2)
            throw new UsageException("show takes a scenario and a variable, e.g. etw show baseline \"Secondary Energy|Electricity\"");
        Result r = Wiring.wire(load(args.get(0), with), models.get()).run(Duration.ofSeconds(10));
        String prefix = args.get(1);
        List<Integer> columns = ShowTable.columns(r, prefix);
        if (columns.isEmpty()) {
            String near = etw.engine.NameCheck.closest(prefix, r.variables().stream().map(Result.VariableInfo::name).toList());
            throw new UsageException("scenario " + SafeText.of(r.scenario().name()) + " has no variable '" + SafeText.of(prefix)
                    + "' or below it" + (near != null ? "; did you mean '" + SafeText.of(near) + "'?" : "")
                    + " (the CSV of etw run lists every variable)");
        }
        String reg = region(r, region != null ? region : r.regions().get(0));
        ShowTable.print(r, columns, prefix, reg, ShowTable.years(r, yearsText, everyText == null ? 0 : every), out);
        return OK;
    }

    private int explain(List<String> args) throws UsageException {
        if (args.size() != 1)
            throw new UsageException("explain takes one variable or parameter, e.g. etw explain \"Final Energy|Electricity\" "
                    + "or etw explain pue");
        List<InstalledModel> installed = models.get();
        if (Glossary.explain(args.get(0), installed, out)) return OK;
        List<String> near = nearest(args.get(0), Glossary.names(installed), 5);
        throw new UsageException("no installed model declares a variable or parameter '" + SafeText.of(args.get(0))
                + "'. Nearest names: " + SafeText.of(String.join(", ", near)) + " (etw models lists them all)");
    }

    private int graph(List<String> args) throws UsageException, ScenarioException, WiringException {
        boolean dot = args.remove("--dot");
        Changes with = changes(args);
        Wiring wiring = Wiring.wire(load(oneScenario(args, "graph"), with), models.get());
        if (dot) GraphPrinter.dot(wiring, out);
        else GraphPrinter.text(wiring, out);
        if (!dot) for (String w : wiring.warnings()) out.println("Warning: " + SafeText.of(w));
        return OK;
    }

    /**
     * The result's region named {@code asked}, in any case ("world" is World) when that is unambiguous; else an error
     * with the nearest name and the regions there are.
     */
    private static String region(Result result, String asked) throws UsageException {
        List<String> regions = result.regions();
        if (regions.contains(asked)) return asked;
        List<String> sameLetters = regions.stream().filter(x -> x.equalsIgnoreCase(asked.strip())).toList();
        if (sameLetters.size() == 1) return sameLetters.get(0);
        List<String> near = nearest(asked, regions, 1);
        boolean close = !near.isEmpty() && distance(asked.toLowerCase(Locale.ROOT), near.get(0).toLowerCase(Locale.ROOT)) <= 3;
        throw new UsageException("scenario " + SafeText.of(result.scenario().name()) + " has no region '" + SafeText.of(asked)
                + "'" + (close ? "; did you mean '" + SafeText.of(near.get(0)) + "'?" : "") + " Its regions: "
                + SafeText.of(String.join(", ", regions)));
    }

    private static String oneScenario(List<String> args, String command) throws UsageException {
        if (args.size() != 1)
            throw new UsageException(command + " takes one scenario (a canned or saved name, or a .yaml file), e.g. etw "
                    + command + " baseline; got " + (args.isEmpty() ? "none" : SafeText.of(String.join(" ", args))));
        return args.get(0);
    }

    private static Duration seconds(String text, String option) throws UsageException {
        try {
            double s = Double.parseDouble(text);
            if (s > 0 && s <= 86_400) return Duration.ofMillis((long) (s * 1000));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(option + " takes a number of seconds between 0 and 86400, got '" + SafeText.of(text) + "'");
    }

    private void printSummary(Wiring wiring, Result result, long micros) {
        Scenario s = result.scenario();
        out.printf(Locale.ROOT, "Scenario %s: %s, %d-%d (%d models, run in %.1f ms)%n", SafeText.of(s.name()),
                SafeText.of(String.join(", ", s.regions())), s.firstYear(), s.lastYear(), wiring.order().size(), micros / 1000.0);
        for (InstalledModel m : wiring.order())
            out.println("  " + SafeText.of(m.id()) + " (" + SafeText.of(m.bundle()) + " " + SafeText.of(m.bundleVersion()) + ")");
        printTakingPart(wiring, result.manifest().warnings());
        for (String region : s.regions()) {
            out.println();
            out.printf(Locale.ROOT, "%-42s %-12s %12d %12d%n", SafeText.of(region), "unit", s.firstYear(), s.lastYear());
            for (String h : headlines(wiring)) {
                int v = result.indexOf(h);
                if (v < 0) continue;
                out.printf(Locale.ROOT, "  %-40s %-12s %12s %12s%n", SafeText.of(h), SafeText.of(result.variables().get(v).unit()),
                        Numbers.format(result.value(h, region, s.firstYear())), Numbers.format(result.value(h, region, s.lastYear())));
            }
        }
    }

    /**
     * Which plugins took part, and the warnings: the wiring's (plugins left out, unread data, likely typos) and,
     * after a run, the run's (demand not met).
     */
    private void printTakingPart(Wiring wiring, List<String> warnings) {
        List<InstalledModel> plugins = wiring.plugins();
        out.println("Plugins: " + (plugins.isEmpty() ? "none" : plugins.stream()
                .map(m -> SafeText.of(m.id()) + " (" + SafeText.of(m.bundle()) + " " + SafeText.of(m.bundleVersion()) + ")")
                .collect(Collectors.joining(", "))));
        List<InstalledModel> unused = models.get().stream().filter(InstalledModel::plugin)
                .filter(m -> !wiring.order().contains(m)).toList();
        if (!unused.isEmpty())
            out.println("Not used: " + unused.stream().map(m -> SafeText.of(m.id()) + " (" + SafeText.of(m.bundle()) + " "
                    + SafeText.of(m.bundleVersion()) + ")").collect(Collectors.joining(", "))
                    + ": installed plugins this scenario does not name; add one with --with <model id> or 'with:'");
        List<String> leftOut = problems.get();
        if (!leftOut.isEmpty())
            out.println("Left out: " + leftOut.size() + " plugin problem(s); etw models says why");
        for (String w : warnings) out.println("Warning: " + SafeText.of(w));
    }

    private void printWarnings(Result result) {
        List<String> plugins = result.manifest().plugins();
        out.println(SafeText.of(result.scenario().name()) + ": plugins: "
                + (plugins.isEmpty() ? "none" : SafeText.of(String.join(", ", plugins))));
        for (String w : result.manifest().warnings())
            out.println(SafeText.of(result.scenario().name()) + ": warning: " + SafeText.of(w));
    }

    /**
     * A scenario by reference, with the models named by {@code --with} added to those its {@code with:} names.
     */
    private Scenario load(String ref, Changes changes) throws ScenarioException {
        Scenario s = scenarios.load(ref);
        if (changes.with().isEmpty() && changes.sets().isEmpty()) return s;
        Set<String> all = new LinkedHashSet<>(s.with());
        all.addAll(changes.with());
        String name = changes.sets().isEmpty() ? s.name() : changes.as() != null ? changes.as() : s.name() + "-modified";
        Scenario.Builder b = s.toBuilder(name).with(List.copyOf(all));
        for (Setting set : changes.sets())
            b.parameter(set.model(), set.parameter(), RegionalSeries.of(set.value(), "--set " + set.text()));
        return b.build();
    }

    /** What the command line changes in a scenario: plugins that join ({@code --with}) and parameters ({@code --set}). */
    record Changes(List<String> with, List<Setting> sets, String as) {
    }

    /** One {@code --set model.parameter=value}: a constant or a trajectory for every region. */
    record Setting(String model, String parameter, Trajectory value, String text) {
    }

    private Changes changes(List<String> args) throws UsageException {
        List<String> with = with(args);
        String as = option(args, "--as", null);
        List<Setting> sets = new ArrayList<>();
        for (String v = option(args, "--set", null); v != null; v = option(args, "--set", null)) sets.add(setting(v));
        if (as != null && sets.isEmpty()) throw new UsageException("--as names a scenario changed with --set; there is no --set");
        return new Changes(with, List.copyOf(sets), as);
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d[\\d_]*(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");

    /**
     * Parses {@code [model.]parameter=value} (also {@code model/parameter}); the value is a decimal number or a
     * trajectory {@code 2030:0.4,2050:0.9}. A bare parameter must belong to exactly one installed model; a
     * wrong name lists the nearest names.
     */
    private Setting setting(String text) throws UsageException {
        int eq = text.indexOf('=');
        String usage = "--set takes model.parameter=value or a trajectory model.parameter=YEAR:VALUE,YEAR:VALUE, e.g. "
                + "--set etw.models.datacenter.pue=1.3 or --set pue=2030:1.3,2050:1.15; got '" + SafeText.of(text) + "'";
        if (eq <= 0) throw new UsageException(usage);
        String key = text.substring(0, eq).strip();
        Trajectory value = trajectory(text.substring(eq + 1).strip(), usage);
        List<InstalledModel> installed = models.get();
        String model = null, parameter = key;
        int slash = key.lastIndexOf('/');
        if (slash > 0) {
            model = key.substring(0, slash);
            parameter = key.substring(slash + 1);
        } else {
            for (InstalledModel m : installed)
                if (key.startsWith(m.id() + ".") && (model == null || m.id().length() > model.length())) model = m.id();
            if (model != null) parameter = key.substring(model.length() + 1);
        }
        final String wanted = model, param = parameter;
        List<String> full = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (InstalledModel m : installed)
            for (Parameter p : m.model().descriptor().parameters()) {
                full.add(m.id() + "." + p.name());
                if (p.name().equals(parameter) && (model == null || model.equals(m.id()))) owners.add(m.id());
            }
        if (owners.size() == 1) return new Setting(owners.get(0), parameter, value, text);
        if (owners.isEmpty()) {
            String what = model == null && key.contains(".") ? "no installed model has a parameter '" + SafeText.of(key) + "'"
                    : model == null ? "no installed model has this parameter"
                    : installed.stream().anyMatch(m -> m.id().equals(wanted))
                    ? "model " + SafeText.of(model) + " has no parameter '" + SafeText.of(parameter) + "'"
                    : "no installed model '" + SafeText.of(model) + "'";
            List<String> near = nearest(model == null ? parameter : model + "." + parameter, full, 5);
            String one = etw.engine.NameCheck.closest(parameter, full.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList());
            throw new UsageException("--set " + SafeText.of(key) + ": " + what
                    + (one != null ? "; did you mean '" + SafeText.of(one) + "'?" : ".")
                    + " Nearest names: " + SafeText.of(String.join(", ", near)) + " (etw models lists them all)");
        }
        throw new UsageException("--set " + SafeText.of(key) + ": several models have this parameter; say which: "
                + owners.stream().map(id -> SafeText.of(id) + "." + SafeText.of(param)).collect(Collectors.joining(", ")));
    }

    /** A decimal number, or {@code YEAR:VALUE[,YEAR:VALUE]...} (linear between the points, flat beyond). */
    private static Trajectory trajectory(String text, String usage) throws UsageException {
        if (!text.contains(":")) return Trajectory.constant(decimal(text, usage));
        java.util.Map<Integer, Double> points = new java.util.TreeMap<>();
        for (String point : text.split(",", -1)) {
            String[] yv = point.split(":", -1);
            if (yv.length != 2 || !YEAR.matcher(yv[0].strip()).matches())
                throw new UsageException(usage + " ('" + SafeText.of(point) + "' is not YEAR:VALUE)");
            int year = Integer.parseInt(yv[0].strip());
            if (points.put(year, decimal(yv[1].strip(), usage)) != null)
                throw new UsageException(usage + " (year " + year + " is given twice)");
        }
        return Trajectory.of(points);
    }

    private static double decimal(String number, String usage) throws UsageException {
        if (!DECIMAL.matcher(number).matches())
            throw new UsageException(usage + " ('" + SafeText.of(number) + "' is not a decimal number)");
        return Double.parseDouble(number.replace("_", ""));
    }

    /** The {@code limit} names closest to {@code key} by edit distance (then by name). */
    static List<String> nearest(String key, List<String> names, int limit) {
        String k = key.toLowerCase(Locale.ROOT);
        String kTail = k.substring(k.lastIndexOf('.') + 1);
        return names.stream().distinct().sorted(java.util.Comparator.<String>comparingInt(n -> {
                    String l = n.toLowerCase(Locale.ROOT);
                    int whole = distance(k, l);
                    int tail = distance(kTail, l.substring(l.lastIndexOf('.') + 1));
                    return Math.min(whole, tail) - (l.contains(kTail) ? 1 : 0);
                }).thenComparing(n -> n)).limit(limit).toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The model ids of every {@code --with} option (comma-separated, the option may repeat), each installed. */
    private List<String> with(List<String> args) throws UsageException {
        Set<String> ids = new LinkedHashSet<>();
        for (String v = option(args, "--with", null); v != null; v = option(args, "--with", null)) {
            for (String id : v.split(",", -1)) {
                if (id.isBlank())
                    throw new UsageException("--with takes model ids separated by commas, e.g. --with org.example.heatpumps; got '"
                            + SafeText.of(v) + "'");
                ids.add(id.strip());
            }
        }
        if (ids.isEmpty()) return List.of();
        Set<String> installed = new TreeSet<>();
        for (InstalledModel m : models.get()) installed.add(m.id());
        for (String id : ids)
            if (!installed.contains(id))
                throw new UsageException("--with " + SafeText.of(id) + ": no such model is installed. Installed: "
                        + SafeText.of(String.join(", ", installed)) + " (etw models lists them, and what was left out)");
        return List.copyOf(ids);
    }

    /** Checks that the scenario's name can name its output files. */
    private static void outputName(Scenario scenario) throws UsageException {
        try {
            OutputNames.check(scenario.name());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Path resolve(Path dir, Scenario scenario, String suffix) throws UsageException {
        try {
            return OutputNames.resolve(dir, scenario.name(), suffix);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String read(URL url) throws UsageException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(url + ": cannot be read: " + e.getMessage());
        }
    }

    private int scenarios(List<String> args) throws UsageException, ScenarioException {
        boolean yaml = args.remove("--yaml");
        boolean file = args.remove("--file");
        if (args.size() > 1) throw new UsageException("scenarios takes at most one scenario name");
        if (file) {
            if (args.isEmpty()) throw new UsageException("scenarios --file takes a scenario, e.g. etw scenarios baseline --file");
            Optional<String> text = scenarios.text(args.get(0));
            if (text.isEmpty())
                throw new UsageException("no scenario named '" + SafeText.of(args.get(0)) + "' (etw scenarios lists them)");
            out.println(SafeText.lines(text.get()));
            return OK;
        }
        if (yaml) {
            if (args.isEmpty()) throw new UsageException("scenarios --yaml takes a scenario, e.g. etw scenarios ai-boom --yaml");
            out.print(SafeText.lines(etw.scenario.ScenarioWriter.write(scenarios.load(args.get(0)))));
            return OK;
        }
        List<ScenarioService.Entry> entries = scenarios.list();
        if (args.size() == 1) {
            String name = args.get(0);
            Optional<ScenarioService.Entry> entry = entries.stream().filter(e -> e.name().equals(name)).findFirst();
            if (entry.isPresent() && entry.get().labSheet() != null) {
                out.println(SafeText.lines(read(entry.get().labSheet())));
                return OK;
            }
            Optional<String> text = scenarios.text(name);
            if (text.isEmpty())
                throw new UsageException("no scenario named '" + SafeText.of(name) + "'. Scenarios: "
                        + SafeText.of(entries.stream().map(ScenarioService.Entry::name).collect(Collectors.joining(", "))));
            entry.ifPresent(e -> out.println("# " + SafeText.of(e.name()) + ": " + SafeText.of(e.title())
                    + (e.parent().isEmpty() ? "" : " (extends " + SafeText.of(e.parent()) + ")")
                    + (e.kind().equals("canned") ? " (no lab sheet)" : "")));
            out.println(SafeText.lines(text.get()));
            return OK;
        }
        List<ScenarioService.Entry> canned = entries.stream().filter(e -> e.kind().equals("canned")).toList();
        List<ScenarioService.Entry> saved = entries.stream().filter(e -> !e.kind().equals("canned")).toList();
        if (canned.isEmpty()) out.println("No canned scenarios installed.");
        canned.forEach(this::entry);
        if (!saved.isEmpty()) {
            out.println();
            out.println("Saved in the workspace:");
            saved.forEach(this::entry);
        }
        return OK;
    }

    private void entry(ScenarioService.Entry e) {
        out.printf("%-28s %s%s%n", SafeText.of(e.name()), SafeText.of(e.title()),
                e.parent().isEmpty() ? "" : "  (extends " + SafeText.of(e.parent()) + ")");
    }

    private int models(List<String> args) throws UsageException {
        List<InstalledModel> installed = models.get();
        if (args.size() > 1) throw new UsageException("models takes at most one model id");
        if (args.size() == 1) {
            InstalledModel m = installed.stream().filter(x -> x.id().equals(args.get(0))).findFirst()
                    .orElseThrow(() -> new UsageException("no installed model '" + SafeText.of(args.get(0)) + "'. Installed: "
                            + SafeText.of(installed.stream().map(InstalledModel::id).collect(Collectors.joining(", ")))));
            describe(m, true);
            return OK;
        }
        if (installed.isEmpty()) out.println("No models installed.");
        for (InstalledModel m : installed) describe(m, false);
        List<String> left = problems.get();
        if (!left.isEmpty()) {
            out.println("Left out (fix and drop the jar again):");
            left.forEach(p -> out.println("  " + SafeText.of(p)));
        }
        List<String> typos = etw.engine.NameCheck.likelyTypos(installed);
        if (!typos.isEmpty()) {
            out.println("Likely typos (a misspelt variable drops out of its total):");
            typos.forEach(t -> out.println("  " + SafeText.of(t)));
        }
        return OK;
    }

    private void describe(InstalledModel m, boolean full) {
        ModelDescriptor d = m.model().descriptor();
        out.println(SafeText.of(d.id()) + ": " + SafeText.of(d.title()) + "  [bundle " + SafeText.of(m.bundle()) + " "
                + SafeText.of(m.bundleVersion()) + "]" + (m.plugin() ? " (plugin)" : ""));
        if (full && !d.description().isEmpty()) out.println("  " + SafeText.lines(d.description()).replace("\n", "\n  "));
        out.println("  reads:");
        for (Input in : d.inputs())
            out.println("    " + SafeText.of(in.variable()) + " [" + SafeText.of(in.unit()) + "]"
                    + (in.lag() > 0 ? " (lag " + in.lag() + ")" : ""));
        out.println("  writes:");
        for (Output o : d.outputs()) out.println("    " + SafeText.of(o.variable()) + " [" + SafeText.of(o.unit()) + "]");
        out.println("  parameters:");
        for (Parameter p : d.parameters()) {
            out.printf(Locale.ROOT, "    %-36s %s %s  (range %s to %s)%n", SafeText.of(p.name()), number(p.defaultValue()),
                    SafeText.of(p.unit()), number(p.min()), number(p.max()));
            if (full) {
                out.println("        " + SafeText.of(p.description()));
                out.println("        source: " + SafeText.of(p.source()));
            }
        }
        out.println();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Removes {@code name value} from the arguments and returns the value, or {@code fallback} if absent. */
    private static String option(List<String> args, String name, String fallback) throws UsageException {
        int i = args.indexOf(name);
        if (i < 0) return fallback;
        if (i + 1 >= args.size()) throw new UsageException(name + " needs a value, e.g. " + name + " results");
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }

    /** A file as the user names it: relative to their current folder when it is inside it. */
    static String shown(Path cwd, Path file) {
        Path p = file.toAbsolutePath().normalize();
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** A path option as an absolute path (for code that takes it as text), or null if absent. */
    private String absolute(String text, String what) throws UsageException {
        return text == null ? null : path(text, what).toString();
    }

    private Path path(String text, String what) throws UsageException {
        return path(cwd, text, what);
    }

    /** The path option {@code what}'s value {@code text}, relative to the user's folder {@code cwd}. */
    static Path path(Path cwd, String text, String what) throws UsageException {
        try {
            return cwd.resolve(text);
        } catch (InvalidPathException e) {
            throw new UsageException(what + " '" + SafeText.of(text) + "' is not a valid path: " + e.getReason());
        }
    }
}
