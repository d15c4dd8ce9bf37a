package etw.engine.internal;

import java.util.List;

import etw.api.Input;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * A model's view of one run: its inputs, parameters and outputs as arrays, indexed by the year being computed.
 * The model sees the regions it steps, numbered from 0 in scenario order: all of the scenario's, or all but
 * World when World is the sum of the others (see {@link RegionSum}); {@code rowStart[r]} is where stepped region
 * r's row starts in the store ({@code scenarioIndex * years}).
 */
final class Binding implements StepContext {
    private final List<String> regions;
    private final int[] rowStart;
    private final int firstYear;
    private final double[][][] sources;
    private final double[][] factors;
    private final int[] lags;
    private final double[] initials;
    private final double[][] outputs;
    private final double[][] parameters;
    private int yearIndex;

    /**
     * @param stepped the scenario indices of the regions the model steps, in scenario order
     */
    Binding(ModelPlan plan, double[][] store, List<String> regions, int[] stepped, int firstYear, int years) {
        List<String> names = new java.util.ArrayList<>(stepped.length);
        this.rowStart = new int[stepped.length];
        for (int r = 0; r < stepped.length; r++) {
            names.add(regions.get(stepped[r]));
            rowStart[r] = stepped[r] * years;
        }
        this.regions = List.copyOf(names);
        this.firstYear = firstYear;
        this.sources = new double[plan.sources().length][][];
        for (int i = 0; i < sources.length; i++) {
            int[] idx = plan.sources()[i];
            sources[i] = new double[idx.length][];
            for (int s = 0; s < idx.length; s++) sources[i][s] = store[idx[s]];
        }
        this.factors = plan.factors();
        this.lags = plan.lags();
        this.initials = plan.initials();
        this.outputs = new double[plan.outputs().length][];
        for (int o = 0; o < outputs.length; o++) outputs[o] = store[plan.outputs()[o]];
        this.parameters = plan.parameters();
    }

    void yearIndex(int y) {
        this.yearIndex = y;
    }

    /** Output {@code output} of stepped region {@code region} this year. */
    double output(int output, int region) {
        return outputs[output][rowStart[region] + yearIndex];
    }

    @Override
    public int year() {
        return firstYear + yearIndex;
    }

    @Override
    public int firstYear() {
        return firstYear;
    }

    @Override
    public int regionCount() {
        return regions.size();
    }

    @Override
    public String regionName(int region) {
        return regions.get(region);
    }

    @Override
    public double get(Input input, int region) {
        int i = input.index();
        int y = yearIndex - lags[i];
        if (y < 0) return initials[i];
        int at = rowStart[region] + y;
        double[][] src = sources[i];
        double[] f = factors[i];
        if (src.length == 1) return src[0][at] * f[0];
        double sum = 0;
        for (int s = 0; s < src.length; s++) sum += src[s][at] * f[s];
        return sum;
    }

    @Override
    public double get(Parameter parameter, int region) {
        return parameters[parameter.index()][rowStart[region] + yearIndex];
    }

    @Override
    public void set(Output output, int region, double value) {
        outputs[output.index()][rowStart[region] + yearIndex] = value;
    }
}
