package etw.workbench.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.RunException;
import etw.engine.SampledRuns;
import etw.engine.WiringException;
import etw.sensitivity.Factor;
import etw.sensitivity.Indices;
import etw.sensitivity.ScenarioSensitivity;
import etw.sensitivity.SobolAnalysis;

/**
 * {@code POST /api/sensitivity} {scenario|text, overrides?, uncertainty?, samples?, seed?, variables?}: first-order
 * and total Sobol indices (with 95% bootstrap intervals) of the first of {@code variables} (default: power-sector
 * CO2) in World (or the first region) and 2050 (or the last year), over the parameters under {@code uncertainty:};
 * ranked by total index. The same analysis as {@code etw sensitivity}, at most {@value #MAX_SAMPLES} base samples.
 */
final class SensitivityResource {
    static final int MAX_SAMPLES = 256;

    record Row(String parameter, String unit, String distribution, double s1, double s1Low, double s1High, double st,
               double stLow, double stHigh) {
    }

    record Answer(String scenario, String variable, String region, int year, String unit, int samples, long runs,
                  long seed, int bootstrap, double confidence, double mean, double sd, double ms, List<Row> rows) {
    }

    private final RequestScenarios scenarios;

    SensitivityResource(RequestScenarios scenarios) {
        this.scenarios = scenarios;
    }

    /** Evaluates the analysis elsewhere than in this process: on a cluster ({@link ClusterResource}). */
    interface Elsewhere {
        List<Indices> sensitivity(Scenario analysed, List<ScenarioSensitivity.Output> outputs, int samples, long seed, int bootstrap)
                throws ApiException;
    }

    Answer sensitivity(ApiRequest request) throws ApiException {
        return sensitivity(request, null);
    }

    /** As {@link #sensitivity(ApiRequest)}, the runs evaluated {@code elsewhere} unless it is null: the same answer. */
    Answer sensitivity(ApiRequest request, Elsewhere elsewhere) throws ApiException {
        Scenario s = scenarios.of(request);
        int samples = request.samples() == null ? 32 : request.samples();
        if (samples < 2 || samples > MAX_SAMPLES)
            throw ApiException.badRequest("\"samples\" must be a whole number from 2 to " + MAX_SAMPLES + ", got " + samples);
        long seed = request.seed() == null ? s.seed() : request.seed();
        String variable = request.variables() == null || request.variables().isEmpty() ? ScenarioSensitivity.DEFAULT_VARIABLE
                : request.variables().get(0);
        String region = s.regions().contains(ScenarioSensitivity.DEFAULT_REGION) ? ScenarioSensitivity.DEFAULT_REGION
                : s.regions().get(0);
        int year = Math.min(s.lastYear(), ScenarioSensitivity.DEFAULT_YEAR);
        SampledRuns runs;
        SobolAnalysis analysis;
        Scenario analysed = ScenarioSensitivity.upTo(s, year);
        List<ScenarioSensitivity.Output> outputs = List.of(new ScenarioSensitivity.Output(variable, region, year));
        try {
            // the year loop runs forward: later years cannot change the analysed year, so the runs stop there
            runs = SampledRuns.of(scenarios.wire(analysed), Duration.ofSeconds(10));
            analysis = ScenarioSensitivity.of(runs, outputs);
        } catch (WiringException | IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        analysis.samples(samples).seed(seed).bootstrap(200).threads(Math.min(2, Runtime.getRuntime().availableProcessors()));
        long t0 = System.nanoTime();
        Indices ix;
        try {
            ix = elsewhere == null ? analysis.run().get(0) : elsewhere.sensitivity(analysed, outputs, samples, seed, 200).get(0);
        } catch (RunException e) {
            throw ApiException.unprocessable("the sensitivity analysis failed: " + e.getMessage());
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        List<Factor> factors = analysis.factors();
        List<Row> rows = new ArrayList<>();
        for (int i : ix.ranking())
            rows.add(new Row(factors.get(i).name(), factors.get(i).unit(), factors.get(i).describe(), ix.s1()[i],
                    ix.s1Low()[i], ix.s1High()[i], ix.st()[i], ix.stLow()[i], ix.stHigh()[i]));
        String unit = runs.variables().stream().filter(v -> v.name().equals(variable)).map(Result.VariableInfo::unit)
                .findFirst().orElse("");
        return new Answer(s.name(), variable, region, year, unit, samples, analysis.runs(), seed, ix.resamples(),
                ix.confidence(), ix.mean(), Math.sqrt(ix.variance()), ms, rows);
    }
}
