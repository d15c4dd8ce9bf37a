package etw.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import etw.api.Model;
import etw.api.scenario.Result;
import etw.engine.InstalledModel;
import etw.engine.RunException;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;

/**
 * The canned baseline (World and five regions, all four model families) with the supply model's hourly balance,
 * warm: 8,760 hours or twelve representative days ({@code representative_days: 12}), to 2050 or to 2100.
 * Goals (issue 10): 8,760 h under 30 ms to 2050 and under 80 ms to 2100; representative days under 3 ms.
 * The regions are stepped on one thread, or in groups on one thread per processor (the default of every run).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Supply}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SupplyBenchmark {

    /** The last year: 2050 (the canned horizon) or 2100. */
    @Param({"2050", "2100"})
    public int lastYear;

    /** 0: all 8,760 hours; 12: twelve representative days. */
    @Param({"0", "12"})
    public int representativeDays;

    /** Threads one run uses: 1, or the run's default, one per processor ({@link Wiring#threads()}). */
    @Param({"1", "default"})
    public String threads;

    private Wiring wiring;
    private int runThreads;

    @Setup
    public void setUp() throws Exception {
        List<InstalledModel> models = ServiceLoader.load(Model.class).stream()
                .map(p -> InstalledModel.onClasspath(p.get())).toList();
        wiring = Wiring.wire(ScenarioParser.parse(baselineText(lastYear, representativeDays), "baseline.yaml"), models);
        runThreads = threads.equals("default") ? Wiring.threads() : Integer.parseInt(threads);
        Result r = wiring.run(runThreads);
        if (r.regions().size() != 6 || r.lastYear() != lastYear)
            throw new IllegalStateException("expected baseline's six regions to " + lastYear + ": " + r.regions());
    }

    /** The canned baseline's text, run to {@code lastYear} with the supply model's {@code representative_days}. */
    static String baselineText(int lastYear, int representativeDays) throws IOException {
        String text;
        try (InputStream in = SupplyBenchmark.class.getResourceAsStream("/scenarios/baseline.yaml")) {
            if (in == null) throw new IllegalStateException("scenarios/baseline.yaml is not on the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String years = "years: {first: 2024, last: " + lastYear + "}";
        String changed = text.replaceFirst("years: \\{first: 2024, last: \\d+\\}", years);
        if (!changed.contains(years)) throw new IllegalStateException("baseline.yaml has no 'years: {first: 2024, last: ...}'");
        String supply = "\n  etw.models.decarbonisation:\n";
        if (!changed.contains(supply)) throw new IllegalStateException("baseline.yaml sets no etw.models.decarbonisation parameters");
        return changed.replace(supply, supply + "    representative_days: " + representativeDays + "\n");
    }

    /** The year loop of the whole baseline (wiring made once). */
    @Benchmark
    public Result baseline() throws RunException {
        return wiring.run(runThreads);
    }
}
