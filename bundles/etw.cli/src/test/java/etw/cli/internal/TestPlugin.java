package etw.cli.internal;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.StepContext;

/** A plugin for tests: adds electrolyser demand, and can misbehave in 2030. */
final class TestPlugin implements Model {
    enum Behaviour { GOOD, THROWS_ERROR, WRITES_NAN }

    private final ModelDescriptor descriptor;
    private final Output demand;
    private final Behaviour behaviour;

    TestPlugin(String id, Behaviour behaviour) {
        ModelDescriptor.Builder b = ModelDescriptor.builder(id, "Test electrolysers");
        demand = b.output("Final Energy|Electricity|Hydrogen", "TWh/yr", "Electrolyser electricity use");
        descriptor = b.build();
        this.behaviour = behaviour;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        boolean bad = ctx.year() == 2030;
        if (bad && behaviour == Behaviour.THROWS_ERROR) throw new AssertionError("electrolyser invariant broken");
        for (int r = 0; r < ctx.regionCount(); r++)
            ctx.set(demand, r, bad && behaviour == Behaviour.WRITES_NAN ? Double.NaN : 100);
    }
}
