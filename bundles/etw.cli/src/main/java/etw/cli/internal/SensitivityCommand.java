package etw.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.cli.internal.Cli.UsageException;
import etw.engine.InstalledModel;
import etw.engine.RunException;
import etw.engine.SampledRuns;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.io.OutputNames;
import etw.io.SafeText;
import etw.io.SensitivityTable;
import etw.scenario.ScenarioException;
import etw.sensitivity.Factor;
import etw.sensitivity.Indices;
import etw.sensitivity.ScenarioSensitivity;
import etw.sensitivity.ScenarioSensitivity.Output;
import etw.sensitivity.SobolAnalysis;

/**
 * {@code etw sensitivity}: first-order and total Sobol indices of chosen outputs over the parameters the scenario's
 * {@code uncertainty:} section varies; a ranked table on the terminal and {@code DIR/<name>.sensitivity.csv}. Also
 * computes the tables of {@code etw report --sensitivity N}.
 */
final class SensitivityCommand {
    static final String USAGE = """
              sensitivity <scenario> --samples N [--seed S] [--vars VAR[,VAR]] [--region R] [--year Y]
                          [--bootstrap B] [--threads T] [--out DIR] [--cluster HOST:PORT[,...] [--secret-file F]]
                                           first-order (S1) and total (ST) Sobol indices of the parameters the
                                           scenario varies under 'uncertainty:', from N x (k + 2) runs (Saltelli
                                           design on Sobol points); ranked, with 95% bootstrap intervals (B
                                           resamples, default 200); default output: World 2050
                                           Emissions|CO2|Energy|Supply|Electricity; writes
                                           DIR/<name>.sensitivity.csv (default DIR: results); with --cluster the
                                           members of a cluster (etw node) evaluate the runs: the same indices
            """;

    /** Loads the scenario from what is left of the arguments once the command's options are taken out. */
    interface Loader {
        Scenario load(List<String> rest) throws UsageException, ScenarioException;
    }

    private final Supplier<List<InstalledModel>> models;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    /** The user's current folder: {@code --out} and {@code --secret-file} are relative to it. */
    private final Path cwd;

    SensitivityCommand(Supplier<List<InstalledModel>> models, PrintStream out, PrintStream err, boolean interactive) {
        this(models, out, err, interactive, Path.of(""));
    }

    SensitivityCommand(Supplier<List<InstalledModel>> models, PrintStream out, PrintStream err, boolean interactive, Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.models = models;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** What one analysis computed, with how long it took. */
    record Analysis(Scenario scenario, List<SensitivityTable> tables, List<Factor> factors, long runs, double seconds) {
    }

    int run(List<String> args, Loader loader) throws UsageException, ScenarioException, WiringException, RunException,
            IOException {
        String outDir = option(args, "--out", "results");
        int samples = whole(option(args, "--samples", null), "--samples", 2, 10_000_000);
        String seedText = option(args, "--seed", null);
        String vars = option(args, "--vars", null);
        String region = option(args, "--region", null);
        String yearText = option(args, "--year", null);
        int bootstrap = whole(option(args, "--bootstrap", "200"), "--bootstrap", 0, 100_000);
        String threadsText = option(args, "--threads", null);
        int threads = threadsText == null ? Runtime.getRuntime().availableProcessors()
                : whole(threadsText, "--threads", 1, 1024);
        String cluster = option(args, "--cluster", null);
        String secretFile = option(args, "--secret-file", null);
        if (secretFile != null && cluster == null)
            throw new UsageException("--secret-file goes with --cluster HOST:PORT[,...] (the members to run on)");
        if (secretFile != null) secretFile = Cli.path(cwd, secretFile, "--secret-file").toString();
        Scenario scenario = loader.load(args);
        long seed = seedText == null ? scenario.seed() : seed(seedText);
        Path csv = csvPath(outDir, scenario);
        List<String> variables = new ArrayList<>();
        if (vars == null) variables.add(ScenarioSensitivity.DEFAULT_VARIABLE);
        else for (String v : vars.split(",", -1)) {
            if (v.isBlank())
                throw new UsageException("--vars takes variable names separated by commas, e.g. --vars "
                        + ScenarioSensitivity.DEFAULT_VARIABLE + "; got '" + SafeText.of(vars) + "'");
            variables.add(v.strip());
        }
        int year = yearText == null ? ScenarioSensitivity.DEFAULT_YEAR : whole(yearText, "--year", 1, 9999);
        Analysis a = analyse(scenario, variables, region, year, samples, seed, bootstrap, threads, cluster, secretFile);

        out.printf(Locale.ROOT, "Sensitivity of %s: %,d base samples x (%d parameters + 2) = %,d runs in %.1f s "
                        + "(%,.0f runs/s, %s), seed %d%n", SafeText.of(scenario.name()), samples, a.factors.size(),
                a.runs, a.seconds, a.runs / a.seconds, cluster == null ? threads + " threads" : "on the cluster", seed);
        if (year < scenario.lastYear())
            out.println("Runs stop at " + year + ", the year analysed (the scenario runs to " + scenario.lastYear()
                    + "; later years cannot change earlier ones)");
        out.println("Indices: S1 first order (Saltelli 2010), ST total (Jansen 1999); [95% bootstrap interval, "
                + bootstrap + " resamples]; ranked by ST");
        for (SensitivityTable t : a.tables) {
            out.println();
            out.printf(Locale.ROOT, "%s, %s, %d: mean %s, sd %s %s%n", SafeText.of(t.variable()), SafeText.of(t.region()),
                    t.year(), number(t.mean()), number(t.sd()), SafeText.of(t.unit()));
            if (!(t.sd() > 0)) out.println("  (the output does not vary with these parameters: every index is 0)");
            int width = Math.max(9, t.rows().stream().mapToInt(r -> r.parameter().length()).max().orElse(9));
            out.printf(Locale.ROOT, "  %4s  %-" + width + "s  %-22s  %-22s%n", "rank", "parameter", "S1 [95% CI]", "ST [95% CI]");
            int rank = 1;
            for (SensitivityTable.Row r : t.rows())
                out.printf(Locale.ROOT, "  %4d  %-" + width + "s  %-22s  %-22s%n", rank++, SafeText.of(r.parameter()),
                        ci(r.s1(), r.s1Low(), r.s1High()), ci(r.st(), r.stLow(), r.stHigh()));
        }
        if (samples < 256)
            out.println("\nNote: with N = " + samples + " the intervals are wide; N = 256 or more separates the "
                    + "parameters that matter from those that do not.");
        writeCsv(csv, a);
        out.println();
        out.println("Wrote " + SafeText.of(Cli.shown(cwd, csv)) + " (one row per output and parameter)");
        return Cli.OK;
    }

    /**
     * Runs the analysis with a progress bar, for the command and for {@code etw report --sensitivity}.
     *
     * @param regionOrNull the region of every output (default World if the scenario has it, else its first region)
     */
    Analysis analyse(Scenario scenario, List<String> variables, String regionOrNull, int year, int samples, long seed,
                     int bootstrap, int threads) throws UsageException, WiringException, RunException {
        return analyse(scenario, variables, regionOrNull, year, samples, seed, bootstrap, threads, null, null);
    }

    /** As above; with {@code cluster} (HOST:PORT,...) the members of that cluster evaluate the runs. */
    Analysis analyse(Scenario scenario, List<String> variables, String regionOrNull, int year, int samples, long seed,
                     int bootstrap, int threads, String cluster, String secretFile)
            throws UsageException, WiringException, RunException {
        String region = regionOrNull != null ? regionOrNull
                : scenario.regions().contains(ScenarioSensitivity.DEFAULT_REGION) ? ScenarioSensitivity.DEFAULT_REGION
                : scenario.regions().get(0);
        // the year loop runs forward: later years cannot change the analysed year, so the runs stop there
        Scenario analysed = ScenarioSensitivity.upTo(scenario, year);
        Wiring wiring = Wiring.wire(analysed, models.get());
        SampledRuns runs = SampledRuns.of(wiring);
        List<Output> outputs = variables.stream().map(v -> new Output(v, region, year)).toList();
        SobolAnalysis analysis;
        try {
            analysis = ScenarioSensitivity.of(runs, outputs);
        } catch (IllegalArgumentException e) {
            throw new UsageException(SafeText.of(e.getMessage()));
        }
        analysis.samples(samples).seed(seed).bootstrap(bootstrap).threads(threads);
        long total = analysis.runs();
        long t0 = System.nanoTime();
        List<Indices> indices;
        if (cluster != null) {
            // the same analysis, its rows evaluated by the members: the same indices, bit for bit
            indices = ClusterRun.sensitivity(analysed, outputs, samples, seed, bootstrap, cluster, secretFile, err, interactive);
        } else {
            ProgressBar bar = new ProgressBar(err, (int) Math.min(Integer.MAX_VALUE, total), interactive);
            try {
                indices = analysis.progress(d -> bar.update((int) Math.min(Integer.MAX_VALUE, d))).run();
            } finally {
                bar.finish();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Factor> factors = analysis.factors();
        List<SensitivityTable> tables = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            Indices ix = indices.get(o);
            String name = outputs.get(o).variable();
            String unit = runs.variables().stream().filter(v -> v.name().equals(name))
                    .map(Result.VariableInfo::unit).findFirst().orElse("");
            List<SensitivityTable.Row> rows = new ArrayList<>();
            for (int i : ix.ranking())
                rows.add(new SensitivityTable.Row(factors.get(i).name(), factors.get(i).describe(), ix.s1()[i], ix.s1Low()[i],
                        ix.s1High()[i], ix.st()[i], ix.stLow()[i], ix.stHigh()[i]));
            tables.add(new SensitivityTable(scenario.name(), outputs.get(o).variable(), region, year, unit, samples,
                    analysis.runs(), seed, bootstrap, ix.confidence(), ix.mean(), Math.sqrt(ix.variance()), rows));
        }
        return new Analysis(scenario, tables, factors, total, seconds);
    }

    /** The analysis of {@code etw report --sensitivity N}: the default output, the scenario's seed, 200 resamples. */
    List<SensitivityTable> reportTables(Scenario scenario, int samples) throws UsageException, WiringException, RunException {
        return analyse(scenario, List.of(ScenarioSensitivity.DEFAULT_VARIABLE), null, ScenarioSensitivity.DEFAULT_YEAR,
                samples, scenario.seed(), 200, Runtime.getRuntime().availableProcessors()).tables();
    }

    private static void writeCsv(Path csv, Analysis a) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("Scenario,Variable,Region,Year,Unit,Rank,Parameter,Distribution,S1,S1 Low,S1 High,ST,ST Low,ST High,"
                + "Samples,Runs,Seed,Bootstrap,Confidence,Mean,SD\n");
        for (SensitivityTable t : a.tables) {
            int rank = 1;
            for (SensitivityTable.Row r : t.rows()) {
                b.append(String.join(",", field(t.scenario()), field(t.variable()), field(t.region()),
                        Integer.toString(t.year()), field(t.unit()), Integer.toString(rank++), field(r.parameter()),
                        field(r.distribution()), g(r.s1()), g(r.s1Low()), g(r.s1High()), g(r.st()), g(r.stLow()),
                        g(r.stHigh()), Integer.toString(t.samples()), Long.toString(t.runs()), Long.toString(t.seed()),
                        Integer.toString(t.resamples()), g(t.confidence()), g(t.mean()), g(t.sd()))).append('\n');
            }
        }
        Path dir = csv.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + csv.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path csvPath(String outDir, Scenario scenario) throws UsageException {
        try {
            return OutputNames.resolve(cwd.resolve(outDir), scenario.name(), ".sensitivity.csv");
        } catch (InvalidPathException e) {
            throw new UsageException("--out '" + SafeText.of(outDir) + "' is not a valid path: " + e.getReason());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break. */
    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String g(double v) {
        return Double.toString(v);
    }

    static String ci(double v, double lo, double hi) {
        return String.format(Locale.ROOT, "%5.2f [%5.2f, %5.2f]", v, lo, hi).replace("-0.00", " 0.00");
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String option(List<String> args, String name, String fallback) throws UsageException {
        int i = args.indexOf(name);
        if (i < 0) return fallback;
        if (i + 1 >= args.size()) throw new UsageException(name + " needs a value, e.g. " + name + " 256");
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }

    private static int whole(String text, String option, int min, int max) throws UsageException {
        if (text == null) throw new UsageException(option + " is required, e.g. " + option + " 256");
        try {
            long v = Long.parseLong(text.strip());
            if (v >= min && v <= max) return (int) v;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(String.format(Locale.ROOT, "%s takes a whole number from %,d to %,d, got '%s'", option, min,
                max, SafeText.of(text)));
    }

    private static long seed(String text) throws UsageException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed takes a whole number, got '" + SafeText.of(text) + "'");
        }
    }
}
