package etw.testkit;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.StepContext;

/** A top-level model class someone forgot to annotate with {@code @Component}: the workbench would never see it. */
public final class UnannotatedModel implements Model {
    private final ModelDescriptor d;
    private final Output out;

    public UnannotatedModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("test.unannotated", "Unannotated");
        out = b.output("Final Energy|Electricity|Test", "TWh/yr", "x");
        d = b.build();
    }

    @Override public ModelDescriptor descriptor() { return d; }

    @Override
    public void step(StepContext ctx) {
        for (int r = 0; r < ctx.regionCount(); r++) ctx.set(out, r, 1);
    }
}
