package etw.testkit;

import org.osgi.service.component.annotations.Component;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.StepContext;

/** A top-level model class with {@code @Component}, as a plugin's should be. */
@Component(service = Model.class)
public final class AnnotatedModel implements Model {
    private final ModelDescriptor d;
    private final Output out;

    public AnnotatedModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("test.annotated", "Annotated");
        out = b.output("Final Energy|Electricity|Test", "TWh/yr", "x");
        d = b.build();
    }

    @Override public ModelDescriptor descriptor() { return d; }

    @Override
    public void step(StepContext ctx) {
        for (int r = 0; r < ctx.regionCount(); r++) ctx.set(out, r, 1);
    }
}
