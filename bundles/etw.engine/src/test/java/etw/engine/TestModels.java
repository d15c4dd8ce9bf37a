package etw.engine;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.StepContext;

/** Small models for engine tests: build a descriptor, keep its handles, give the step as a lambda. */
final class TestModels {
    private TestModels() {
    }

    interface Step {
        void step(StepContext ctx);
    }

    static InstalledModel of(ModelDescriptor d, Step step) {
        return InstalledModel.onClasspath(new Model() {
            @Override
            public ModelDescriptor descriptor() {
                return d;
            }

            @Override
            public void step(StepContext ctx) {
                step.step(ctx);
            }
        });
    }

    /** A model writing {@code variable} = {@code value} in every region and year. */
    static InstalledModel constant(String id, String variable, String unit, double value) {
        ModelDescriptor.Builder b = ModelDescriptor.builder(id, id);
        Output o = b.output(variable, unit, "");
        return of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(o, r, value);
        });
    }
}
