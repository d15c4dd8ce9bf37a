package etw.engine.internal;

import java.util.List;

import etw.api.Input;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/** A model's view of one run: its inputs, parameters and outputs as arrays, indexed by the year being computed. */
final class Binding implements StepContext {
    private final List<String> regions;
    private final int firstYear;
    private final int years;
    private final double[][][] sources;
    private final double[][] factors;
    private final int[] lags;
    private final double[] initials;
    private final double[][] outputs;
    private final double[][] parameters;
    private int yearIndex;

    Binding(ModelPlan plan, double[][] store, List<String> regions, int firstYear, int years) {
        this.regions = regions;
        this.firstYear = firstYear;
        this.years = years;
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

    double output(int output, int region) {
        return outputs[output][region * years + yearIndex];
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
        int at = region * years + y;
        double[][] src = sources[i];
        double[] f = factors[i];
        if (src.length == 1) return src[0][at] * f[0];
        double sum = 0;
        for (int s = 0; s < src.length; s++) sum += src[s][at] * f[s];
        return sum;
    }

    @Override
    public double get(Parameter parameter, int region) {
        return parameters[parameter.index()][region * years + yearIndex];
    }

    @Override
    public void set(Output output, int region, double value) {
        outputs[output.index()][region * years + yearIndex] = value;
    }
}
