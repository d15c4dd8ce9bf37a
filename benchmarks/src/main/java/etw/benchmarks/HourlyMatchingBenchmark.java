package etw.benchmarks;

import java.util.List;
import java.util.Map;
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

import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;
import etw.engine.InstalledModel;
import etw.engine.RunException;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.models.decarbonisation.CleanEnergyAccountingModel;
import etw.models.decarbonisation.CleanEnergyMatching;
import etw.models.decarbonisation.CleanEnergyMatching.Shape;
import etw.models.decarbonisation.CleanEnergyMatching.Strategy;
import etw.models.decarbonisation.DecarbonisationModel;

/**
 * Clean-energy procurement: the three least-cost portfolios (annual, carbon and hourly 24/7 matching at 90%) for one
 * consumer over 76 years (2025-2100) of 8,760 hours, on a grid that decarbonises from its 2024 mix. Since issue 10
 * each year solves three LPs (the hourly one by a cutting-plane method with a full-year dispatch per cut), so this
 * measures tens of milliseconds a year rather than the old closed-form sizing's 20 ms per 76 years.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar HourlyMatching}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HourlyMatchingBenchmark {
    static final int FIRST = 2025, LAST = 2100, YEARS = LAST - FIRST + 1;

    /** The model's default profile parameters, and a variant that differs in every profile's parameters. */
    static final Shape DEFAULT = new Shape(12, 0.3, 0.2, 0.1, 0.5, 0.97, 1, 0.05, 0.15, 0.1);
    static final Shape OTHER = new Shape(12.5, 0.35, 0.25, 0.15, 0.55, 0.96, 2, 0.06, 0.16, 0.11);

    /** The accounting model's default prices (Lazard LCOE+ 2024, NREL 2023 battery update). */
    static final etw.models.decarbonisation.Procurement.Costs COSTS =
            new etw.models.decarbonisation.Procurement.Costs(61, 50, 182, 44, 33, 0.85, 4);

    private final double[] total = new double[YEARS], solar = new double[YEARS], wind = new double[YEARS];
    private final double[] fossil = new double[YEARS], emissions = new double[YEARS];
    private static final double CLEAN = 4_409 + 2_775 + 1_757;

    private CleanEnergyMatching matching;
    private Wiring wiring;

    @Setup
    public void setUp() throws WiringException {
        // Ember, Global Electricity Review 2025 (2024: 30,830 TWh, 14.6 Gt CO2), carried to 2100: demand +300 TWh/yr,
        // solar +400, wind +300, the fossil residual and its emissions shrinking to nothing by 2090
        for (int i = 0; i < YEARS; i++) {
            int y = FIRST + i;
            total[i] = 30_830 + 300.0 * (y - 2024);
            solar[i] = 2_131 + 400.0 * (y - 2024);
            wind[i] = 2_497 + 300.0 * (y - 2024);
            double left = Math.max(0, 1 - (y - 2024) / 66.0);
            fossil[i] = 17_265 * left;
            emissions[i] = 14_600 * left;
        }
        matching = new CleanEnergyMatching();

        // the same through the engine: the decarbonisation model makes the grid, the accounting model reads it
        Scenario scenario = Scenario.builder("hourly-matching").years(FIRST, LAST)
                .models(List.of("etw.models.decarbonisation", CleanEnergyAccountingModel.ID))
                .exogenous("Final Energy|Electricity", "TWh/yr", series(27_775, 27_775 + 270 * 76.0))
                .exogenous("Secondary Energy|Electricity|Solar", "TWh/yr", series(2_131, 2_131 + 400 * 76.0))
                .exogenous("Secondary Energy|Electricity|Wind", "TWh/yr", series(2_497, 2_497 + 300 * 76.0))
                .build();
        wiring = Wiring.wire(scenario, List.of(InstalledModel.onClasspath(new DecarbonisationModel()),
                InstalledModel.onClasspath(new CleanEnergyAccountingModel())));
    }

    private static RegionalSeries series(double from, double to) {
        return RegionalSeries.of(Trajectory.of(Map.of(2024, from, 2100, to)), "benchmark");
    }

    /** The calculator alone, 76 years; the profile parameters stay the same, so the profiles are built once. */
    @Benchmark
    public double threeStrategies76Years() {
        return run(false);
    }

    /** The calculator alone, 76 years, every profile rebuilt every year (parameters that change yearly). */
    @Benchmark
    public double threeStrategies76YearsProfilesRebuilt() {
        return run(true);
    }

    /** The decarbonisation and accounting models through the engine, one region, 2025-2100. */
    @Benchmark
    public Result engineRun76Years() throws RunException {
        return wiring.run();
    }

    private double run(boolean rebuild) {
        double sum = 0;
        for (int i = 0; i < YEARS; i++) {
            matching.profiles(rebuild && (i & 1) == 1 ? OTHER : DEFAULT);
            matching.grid(total[i], solar[i], wind[i], CLEAN, fossil[i], emissions[i], 1_060, 0);
            matching.consumer(24, 1, 1, 0.9, COSTS);
            for (Strategy s : Strategy.values())
                sum += matching.gridInducedEmissions(s) + matching.cost(s) + matching.cfeScore(s);
        }
        return sum;
    }
}
