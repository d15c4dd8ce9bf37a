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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import etw.api.Model;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.RunException;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.scenario.ScenarioParser;

/**
 * The canned baseline, 2024-2100, World and five regions (World as their sum), with the vintage stocks of every
 * road mode and of heat pumps, warm: {@link #baseline()} with all four model families (the hourly balance of the
 * supply model included), {@link #demandOnly()} with the demand models alone (electrification and data centres,
 * no hourly balance; issue 11 asks for under 2 ms). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar BaselineRun}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BaselineRunBenchmark {
    private List<InstalledModel> models;
    private Scenario preview;
    private Wiring all;
    private Wiring demand;
    private Wiring previewWiring;

    @Setup
    public void setUp() throws Exception {
        models = ServiceLoader.load(Model.class).stream()
                .map(p -> InstalledModel.onClasspath(p.get())).toList();
        String text;
        try (InputStream in = BaselineRunBenchmark.class.getResourceAsStream("/scenarios/baseline.yaml")) {
            if (in == null) throw new IOException("scenarios/baseline.yaml is not on the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Scenario baseline = ScenarioParser.parse(text, "canned:baseline");
        if (baseline.firstYear() != 2024 || baseline.lastYear() != 2100)
            throw new IllegalStateException("baseline runs " + baseline.firstYear() + "-" + baseline.lastYear());
        all = Wiring.wire(baseline, models);
        demand = Wiring.wire(demandOnly(baseline), models);
        preview = baseline.toBuilder(baseline.name()).parameter("etw.models.decarbonisation", "representative_days", 12)
                .build();
        previewWiring = Wiring.wire(preview, models);
    }

    /**
     * The demand models alone: a scenario that sets only their parameters (a model whose parameters a scenario
     * sets joins the run, so baseline's supply settings are left out).
     */
    static Scenario demandOnly(Scenario baseline) {
        List<String> demandModels = List.of("etw.models.electrification", "etw.models.datacenter");
        Scenario.Builder b = Scenario.builder(baseline.name() + "-demand").regions(baseline.regions())
                .years(baseline.firstYear(), baseline.lastYear()).models(demandModels);
        for (String id : demandModels) baseline.parameters().get(id).forEach((p, v) -> b.parameter(id, p, v));
        return b.build();
    }

    @Benchmark
    public Result baseline() throws RunException {
        return all.run();
    }

    /** The workbench's quick preview of a slider move: the power sector on 12 representative days, wired before. */
    @Benchmark
    public Result preview() throws RunException {
        return previewWiring.run();
    }

    /** The quick preview as the workbench serves a slider move: wiring and the run. */
    @Benchmark
    public Result previewWireAndRun() throws WiringException, RunException {
        return Wiring.wire(preview, models).run();
    }

    /** The wiring alone of the quick preview. */
    @Benchmark
    public Wiring previewWire() throws WiringException {
        return Wiring.wire(preview, models);
    }

    @Benchmark
    public Result demandOnly() throws RunException {
        return demand.run();
    }
}
