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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.scenario.CannedScenario;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.api.scenario.ScenarioLibrary;
import etw.api.scenario.EnsembleResult;
import etw.engine.Ensemble;
import etw.engine.InstalledModel;
import etw.engine.RunException;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.io.HtmlReport;
import etw.io.IamcCsv;
import etw.io.ManifestJson;
import etw.scenario.ScenarioException;
import etw.scenario.ScenarioParser;

/** The {@code etw} commands. Exit codes: 0 done, 1 a run failed (a model misbehaved), 2 bad input. */
final class Cli {
    static final int OK = 0;
    static final int RUN_FAILED = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = """
            Usage: etw <command> [options]

            Commands:
              run <scenario> [--out DIR] [--step-limit SECONDS]
                                           run a canned scenario (by name) or a scenario file (.yaml);
                                           prints headline results and writes DIR/<name>.csv (IAMC format)
                                           and DIR/<name>.manifest.json (default DIR: results); a model step
                                           running longer than the limit (default 10 s) fails the run
              compare <a> <b> [...] [--years Y1,Y2] [--region R]
                                           headline variables side by side for chosen years (default:
                                           first, middle and last year; region: the first), with each
                                           scenario's difference from the first
              ensemble <scenario> --samples N [--seed S] [--threads T] [--out DIR]
                                           run N samples with the parameters drawn from the scenario's
                                           'uncertainty:' distributions, on all cores; prints p5/p50/p95 of the
                                           headline variables and writes DIR/<name>.ensemble.csv
              report <scenario> [--compare other]... [--samples N] [-o FILE]
                                           one self-contained HTML file with SVG charts (supply mix, demand
                                           by sector, emissions against the 1.5 C milestones, ensemble bands
                                           with --samples) and the run manifest (default FILE:
                                           results/<name>.html)
              workbench [--port P] [--public]
                                           the web workbench on 127.0.0.1:P (default 8080); --public listens
                                           on every interface and requires the printed token
              graph <scenario> [--dot]     the scenario's wiring: models in step order and what each reads
                                           from whom (lags marked); --dot prints Graphviz DOT
              models [<model id>]          installed models with inputs, outputs and parameters;
                                           with an id, every parameter's description and source
              scenarios [<name>]           the canned scenarios; with a name, its lab sheet
              help                         this text

            Options for every command:
              --debug                      print stack traces with errors
            """;

    /** Headline variables printed after a run, in this order, when the result has them. */
    static final List<String> HEADLINES = HtmlReport.HEADLINES;

    private final Supplier<List<InstalledModel>> models;
    private final Supplier<List<ScenarioLibrary>> libraries;
    private final Supplier<List<String>> problems;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private boolean debug;

    /**
     * @param interactive true when stderr is a terminal, so progress bars may redraw a line
     */
    Cli(Supplier<List<InstalledModel>> models, Supplier<List<ScenarioLibrary>> libraries, Supplier<List<String>> problems,
        PrintStream out, PrintStream err, boolean interactive) {
        this.problems = problems;
        this.interactive = interactive;
        this.models = models;
        this.libraries = libraries;
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
            return switch (command) {
                case "run" -> run(args);
                case "models" -> models(args);
                case "scenarios" -> scenarios(args);
                case "graph" -> graph(args);
                case "compare" -> compare(args);
                case "ensemble" -> ensemble(args);
                case "report" -> report(args);
                default -> throw new UsageException("unknown command '" + command + "'. Commands: run, compare, ensemble, report, graph, models, scenarios, help (etw help).");
            };
        } catch (UsageException | ScenarioException | WiringException e) {
            return fail(BAD_INPUT, e);
        } catch (RunException e) {
            return fail(RUN_FAILED, e);
        } catch (IOException e) {
            return fail(BAD_INPUT, new UsageException("cannot write results: " + e.getMessage()));
        } catch (RuntimeException e) {
            // a bug of ours or of a plugin: say so in one line; --debug has the stack trace for the report
            err.println("etw: unexpected error: " + e + ". Please report it with the output of the same command run with --debug.");
            if (debug) e.printStackTrace(err);
            return RUN_FAILED;
        }
    }

    private int fail(int code, Exception e) {
        err.println("etw: " + e.getMessage());
        if (debug) e.printStackTrace(err);
        else if (e.getCause() != null) err.println("     (cause: " + e.getCause() + "; --debug shows the stack trace)");
        return code;
    }

    private int run(List<String> args) throws UsageException, ScenarioException, WiringException, RunException, IOException {
        String outDir = option(args, "--out", "results");
        Duration stepLimit = seconds(option(args, "--step-limit", "10"), "--step-limit");
        Scenario scenario = loadScenario(oneScenario(args, "run"));
        long t0 = System.nanoTime();
        Wiring wiring = Wiring.wire(scenario, models.get());
        Result result = wiring.run(stepLimit);
        long micros = (System.nanoTime() - t0) / 1000;

        Path dir = path(outDir, "--out");
        Files.createDirectories(dir);
        Path csv = dir.resolve(scenario.name() + ".csv");
        Path manifest = dir.resolve(scenario.name() + ".manifest.json");
        IamcCsv.write(result, csv);
        ManifestJson.write(result.manifest(), manifest);

        printSummary(wiring, result, micros);
        out.println();
        out.println("Wrote " + csv + " (IAMC CSV: " + result.variables().size() + " variables x " + result.regions().size()
                + " region(s) x " + scenario.yearCount() + " years) and " + manifest);
        return OK;
    }

    private int ensemble(List<String> args) throws UsageException, ScenarioException, WiringException, RunException, IOException {
        String outDir = option(args, "--out", "results");
        int samples = positive(option(args, "--samples", null), "--samples");
        String seedText = option(args, "--seed", null);
        String threadsText = option(args, "--threads", null);
        Scenario scenario = loadScenario(oneScenario(args, "ensemble"));
        Ensemble ensemble = Ensemble.of(Wiring.wire(scenario, models.get())).samples(samples);
        if (seedText != null) ensemble.seed(whole(seedText, "--seed"));
        if (threadsText != null) ensemble.threads(positive(threadsText, "--threads"));
        ProgressBar bar = new ProgressBar(err, samples, interactive);
        long t0 = System.nanoTime();
        EnsembleResult result = ensemble.progress(bar::update).run();
        bar.finish();
        double seconds = (System.nanoTime() - t0) / 1e9;

        Path dir = path(outDir, "--out");
        Files.createDirectories(dir);
        Path csv = dir.resolve(scenario.name() + ".ensemble.csv");
        IamcCsv.write(result, csv);

        int last = scenario.lastYear();
        out.printf(Locale.ROOT, "Ensemble of %s: %,d samples in %.2f s (%,.0f samples/s), seed %d%n", scenario.name(), samples,
                seconds, samples / seconds, seedText != null ? whole(seedText, "--seed") : scenario.seed());
        out.println("Uncertain: " + scenario.uncertainty().entrySet().stream()
                .flatMap(e -> e.getValue().entrySet().stream().map(p -> e.getKey() + "/" + p.getKey() + " ~ " + p.getValue()))
                .sorted().collect(Collectors.joining("; ")));
        for (String region : scenario.regions()) {
            out.println();
            out.printf(Locale.ROOT, "%-42s %-12s %12s %12s %12s%n", region + ", " + last, "unit", "p5", "p50", "p95");
            for (String h : HEADLINES) {
                int v = result.indexOf(h);
                if (v < 0) continue;
                out.printf(Locale.ROOT, "  %-40s %-12s %,12.0f %,12.0f %,12.0f%n", h, result.variables().get(v).unit(),
                        result.value(h, 0, region, last), result.value(h, 1, region, last), result.value(h, 2, region, last));
            }
        }
        out.println();
        out.println("Wrote " + csv + " (IAMC CSV; the Scenario column names the percentile)");
        return OK;
    }

    private int report(List<String> args) throws UsageException, ScenarioException, WiringException, RunException, IOException {
        List<String> others = new ArrayList<>();
        for (String o = option(args, "--compare", null); o != null; o = option(args, "--compare", null)) others.add(o);
        String samplesText = option(args, "--samples", null);
        String file = option(args, "-o", null);
        Scenario scenario = loadScenario(oneScenario(args, "report"));
        List<Result> results = new ArrayList<>();
        Wiring wiring = Wiring.wire(scenario, models.get());
        results.add(wiring.run(Duration.ofSeconds(10)));
        for (String o : others) results.add(Wiring.wire(loadScenario(o), models.get()).run(Duration.ofSeconds(10)));
        EnsembleResult bands = null;
        if (samplesText != null) {
            int samples = positive(samplesText, "--samples");
            ProgressBar bar = new ProgressBar(err, samples, interactive);
            bands = Ensemble.of(wiring).samples(samples).progress(bar::update).run();
            bar.finish();
        }
        Path out = path(file != null ? file : "results/" + scenario.name() + ".html", "-o");
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        HtmlReport.write(results, bands, out);
        this.out.println("Wrote " + out + " (" + results.size() + " scenario(s)" + (bands == null ? "" : ", ensemble of "
                + bands.samples() + " samples") + "); open it in a browser or print it");
        return OK;
    }

    private static int positive(String text, String option) throws UsageException {
        if (text == null) throw new UsageException(option + " is required, e.g. " + option + " 1000");
        long v = whole(text, option);
        if (v < 1 || v > 10_000_000) throw new UsageException(option + " takes a whole number from 1 to 10,000,000, got " + text);
        return (int) v;
    }

    private static long whole(String text, String option) throws UsageException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, got '" + text + "'");
        }
    }

    private int compare(List<String> args) throws UsageException, ScenarioException, WiringException, RunException {
        String years = option(args, "--years", null);
        String region = option(args, "--region", null);
        if (args.size() < 2) throw new UsageException("compare takes two or more scenarios, e.g. etw compare baseline my-variant.yaml");
        List<Result> results = new ArrayList<>();
        for (String ref : args) results.add(Wiring.wire(loadScenario(ref), models.get()).run(Duration.ofSeconds(10)));
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
                    throw new UsageException("--years takes years separated by commas, e.g. 2030,2050; got '" + years + "'");
                }
            }
        }
        for (Result res : results) {
            if (!res.regions().contains(r))
                throw new UsageException("scenario " + res.scenario().name() + " has no region '" + r + "'; its regions: "
                        + String.join(", ", res.regions()));
            for (int y : chosen)
                if (y < res.firstYear() || y > res.lastYear())
                    throw new UsageException("year " + y + " is outside scenario " + res.scenario().name() + " ("
                            + res.firstYear() + "-" + res.lastYear() + ")");
        }
        out.println("Region: " + r + "; differences are from " + first.scenario().name());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-42s %-12s %6s", "variable", "unit", "year"));
        for (Result res : results) header.append(String.format(Locale.ROOT, " %14s", shorten(res.scenario().name(), 14)));
        for (int i = 1; i < results.size(); i++) header.append(String.format(Locale.ROOT, " %16s", "diff " + (i + 1)));
        out.println(header);
        for (String h : HEADLINES) {
            if (results.stream().anyMatch(res -> !res.has(h))) continue;
            for (int y : chosen) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-42s %-12s %6d", shorten(h, 42),
                        first.variables().get(first.indexOf(h)).unit(), y));
                double base = first.value(h, r, y);
                for (Result res : results) line.append(String.format(Locale.ROOT, " %,14.0f", res.value(h, r, y)));
                for (int i = 1; i < results.size(); i++) {
                    double d = results.get(i).value(h, r, y) - base;
                    line.append(String.format(Locale.ROOT, " %+,9.0f %5s", d,
                            base == 0 ? "" : String.format(Locale.ROOT, "%+.0f%%", 100 * d / base)));
                }
                out.println(line);
            }
        }
        return OK;
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : "..." + s.substring(s.length() - width + 3);
    }

    private int graph(List<String> args) throws UsageException, ScenarioException, WiringException {
        boolean dot = args.remove("--dot");
        Wiring wiring = Wiring.wire(loadScenario(oneScenario(args, "graph")), models.get());
        if (dot) GraphPrinter.dot(wiring, out);
        else GraphPrinter.text(wiring, out);
        return OK;
    }

    private static String oneScenario(List<String> args, String command) throws UsageException {
        if (args.size() != 1)
            throw new UsageException(command + " takes one scenario (a canned name or a .yaml file), e.g. etw " + command
                    + " baseline; got " + (args.isEmpty() ? "none" : String.join(" ", args)));
        return args.get(0);
    }

    private static Duration seconds(String text, String option) throws UsageException {
        try {
            double s = Double.parseDouble(text);
            if (s > 0 && s <= 86_400) return Duration.ofMillis((long) (s * 1000));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(option + " takes a number of seconds between 0 and 86400, got '" + text + "'");
    }

    private void printSummary(Wiring wiring, Result result, long micros) {
        Scenario s = result.scenario();
        out.printf(Locale.ROOT, "Scenario %s: %s, %d-%d (%d models, run in %.1f ms)%n", s.name(), String.join(", ", s.regions()),
                s.firstYear(), s.lastYear(), wiring.order().size(), micros / 1000.0);
        for (InstalledModel m : wiring.order()) out.println("  " + m.id() + " (" + m.bundle() + " " + m.bundleVersion() + ")");
        for (String region : s.regions()) {
            out.println();
            out.printf(Locale.ROOT, "%-42s %-12s %12d %12d%n", region, "unit", s.firstYear(), s.lastYear());
            for (String h : HEADLINES) {
                int v = result.indexOf(h);
                if (v < 0) continue;
                out.printf(Locale.ROOT, "  %-40s %-12s %,12.0f %,12.0f%n", h, result.variables().get(v).unit(),
                        result.value(h, region, s.firstYear()), result.value(h, region, s.lastYear()));
            }
        }
    }

    private Scenario loadScenario(String ref) throws UsageException, ScenarioException {
        Map<String, CannedScenario> canned = canned();
        ScenarioParser.ParentResolver parents = (name, variantOf) -> {
            CannedScenario parent = canned.get(name);
            if (parent != null) return Optional.of(new ScenarioParser.Source(readUnchecked(parent.location()), cannedSource(parent)));
            Path dir = variantOf.startsWith("canned:") ? null : Path.of(variantOf).toAbsolutePath().getParent();
            return ScenarioParser.readIfExists(dir == null ? Path.of(name) : dir.resolve(name));
        };
        CannedScenario c = canned.get(ref);
        if (c != null) return ScenarioParser.parse(read(c.location()), cannedSource(c), parents);
        boolean looksLikeFile = ref.endsWith(".yaml") || ref.endsWith(".yml") || ref.contains("/") || ref.contains("\\");
        Path p = looksLikeFile ? path(ref, "scenario") : null;
        if (p != null) return ScenarioParser.parse(p, parents);
        throw new UsageException("no canned scenario named '" + ref + "'. Canned scenarios: "
                + (canned.isEmpty() ? "(none installed)" : String.join(", ", canned.keySet()))
                + ". To run a file, give its path ending in .yaml.");
    }

    private static String cannedSource(CannedScenario c) {
        return "canned:" + c.name() + " (" + c.location().getPath() + ")";
    }

    private static String readUnchecked(URL url) {
        try {
            return read(url);
        } catch (ScenarioException e) {
            throw new java.io.UncheckedIOException(new IOException(e.getMessage()));
        }
    }

    private static String read(URL url) throws ScenarioException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(url + ": cannot be read: " + e.getMessage());
        }
    }

    private Map<String, CannedScenario> canned() {
        Map<String, CannedScenario> all = new TreeMap<>();
        for (ScenarioLibrary lib : libraries.get()) {
            List<CannedScenario> offered;
            try {
                offered = lib.scenarios();
            } catch (RuntimeException | LinkageError e) {
                err.println("etw: warning: scenario library " + lib.getClass().getName() + " failed and is skipped: " + e);
                continue;
            }
            for (CannedScenario c : offered) {
                if (all.putIfAbsent(c.name(), c) != null)
                    err.println("etw: warning: two libraries ship a scenario named '" + c.name() + "'; using the first");
            }
        }
        return all;
    }

    private int scenarios(List<String> args) throws UsageException, ScenarioException {
        if (args.size() > 1) throw new UsageException("scenarios takes at most one scenario name");
        Map<String, CannedScenario> canned = canned();
        if (args.size() == 1) {
            CannedScenario c = canned.get(args.get(0));
            if (c == null) throw new UsageException("no canned scenario named '" + args.get(0) + "'. Canned scenarios: "
                    + String.join(", ", canned.keySet()));
            out.println(c.labSheet() == null ? c.name() + ": " + c.title() + " (no lab sheet)" : read(c.labSheet()));
            return OK;
        }
        if (canned.isEmpty()) out.println("No canned scenarios installed.");
        canned.values().forEach(c -> out.printf("%-28s %s%n", c.name(), c.title()));
        return OK;
    }

    private int models(List<String> args) throws UsageException {
        List<InstalledModel> installed = models.get();
        if (args.size() > 1) throw new UsageException("models takes at most one model id");
        if (args.size() == 1) {
            InstalledModel m = installed.stream().filter(x -> x.id().equals(args.get(0))).findFirst()
                    .orElseThrow(() -> new UsageException("no installed model '" + args.get(0) + "'. Installed: "
                            + installed.stream().map(InstalledModel::id).collect(Collectors.joining(", "))));
            describe(m, true);
            return OK;
        }
        if (installed.isEmpty()) out.println("No models installed.");
        for (InstalledModel m : installed) describe(m, false);
        List<String> left = problems.get();
        if (!left.isEmpty()) {
            out.println("Left out (fix and drop the jar again):");
            left.forEach(p -> out.println("  " + p));
        }
        return OK;
    }

    private void describe(InstalledModel m, boolean full) {
        ModelDescriptor d = m.model().descriptor();
        out.println(d.id() + ": " + d.title() + "  [bundle " + m.bundle() + " " + m.bundleVersion() + "]");
        if (full && !d.description().isEmpty()) out.println("  " + d.description().replace("\n", "\n  "));
        out.println("  reads:");
        for (Input in : d.inputs())
            out.println("    " + in.variable() + " [" + in.unit() + "]" + (in.lag() > 0 ? " (lag " + in.lag() + ")" : ""));
        out.println("  writes:");
        for (Output o : d.outputs()) out.println("    " + o.variable() + " [" + o.unit() + "]");
        out.println("  parameters:");
        for (Parameter p : d.parameters()) {
            out.printf(Locale.ROOT, "    %-36s %s %s  (range %s to %s)%n", p.name(), number(p.defaultValue()), p.unit(),
                    number(p.min()), number(p.max()));
            if (full) {
                out.println("        " + p.description());
                out.println("        source: " + p.source());
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

    private static Path path(String text, String what) throws UsageException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(what + " '" + text + "' is not a valid path: " + e.getReason());
        }
    }
}
