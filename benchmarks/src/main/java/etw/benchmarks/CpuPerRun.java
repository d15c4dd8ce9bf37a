package etw.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

import etw.api.Model;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;

/**
 * CPU time per warm run in a plain loop (ThreadMXBean), for a loaded machine where JMH's wall time says little.
 * {@code java -cp benchmarks/target/benchmarks.jar etw.benchmarks.CpuPerRun CASE LAST_YEAR [WARMUP_RUNS] [RUNS]}
 * with CASE one of {@code hourly} (8,760 h), {@code repdays} (twelve representative days) and {@code demand} (the
 * demand models alone, electrification and data centres with their vintage stocks: no hourly balance).
 * Prints the median and the quartiles of CPU ms per run, and the wall median.
 */
public final class CpuPerRun {
    private CpuPerRun() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "hourly";
        int lastYear = args.length > 1 ? Integer.parseInt(args[1]) : 2050;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        Wiring wiring = wiring(what, lastYear);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) wiring.run();
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            wiring.run();
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
            wall[i] = System.nanoTime() - w0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("%s 2024-%d: CPU per run median %.3f ms (quartiles %.3f-%.3f), wall median %.3f ms, %d runs%n",
                what, lastYear, cpu[runs / 2] / 1e6, cpu[runs / 4] / 1e6, cpu[3 * runs / 4] / 1e6, wall[runs / 2] / 1e6,
                runs);
    }

    /** The canned baseline wired for one case (see the class comment). */
    static Wiring wiring(String what, int lastYear) throws Exception {
        List<InstalledModel> models = ServiceLoader.load(Model.class).stream()
                .map(p -> InstalledModel.onClasspath(p.get())).toList();
        String text = SupplyBenchmark.baselineText(lastYear, switch (what) {
            case "hourly", "demand" -> 0;
            case "repdays" -> 12;
            default -> throw new IllegalArgumentException("case: hourly, repdays or demand, not " + what);
        });
        Scenario s = ScenarioParser.parse(text, "baseline.yaml");
        if (what.equals("demand")) s = BaselineRunBenchmark.demandOnly(s);
        return Wiring.wire(s, models);
    }
}
