package etw.benchmarks;

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
import etw.engine.WiringException;
import etw.engine.Wiring;

/**
 * One 2025-2100 run of the four model families over five regions, warm. Goal (issue 3): under 1 ms on the
 * project's 2-core machine. Run: {@code java -jar benchmarks/target/benchmarks.jar ScenarioRun}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScenarioRunBenchmark {
    static final List<String> FIVE_REGIONS = List.of("United States", "China", "Europe", "Asia-Pacific excluding China",
            "Rest of World");

    private List<InstalledModel> models;
    private Scenario scenario;
    private Wiring wiring;

    @Setup
    public void setUp() throws WiringException {
        models = ServiceLoader.load(Model.class).stream().map(p -> InstalledModel.onClasspath(p.get())).toList();
        scenario = Scenario.builder("benchmark").regions(FIVE_REGIONS).years(2025, 2100).build();
        wiring = Wiring.wire(scenario, models);
        if (wiring.order().size() != 4)
            throw new IllegalStateException("expected the four model families, found " + wiring.order());
    }

    /** The year loop alone: the wiring is made once, as an ensemble does. */
    @Benchmark
    public Result run() throws RunException {
        return wiring.run();
    }

    /** Wiring (graph, units, parameters) and the run, as a single `etw run` does. */
    @Benchmark
    public Result wireAndRun() throws WiringException, RunException {
        return Wiring.wire(scenario, models).run();
    }
}
