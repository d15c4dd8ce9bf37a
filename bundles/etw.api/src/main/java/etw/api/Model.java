package etw.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model: declares the variables it reads and writes and its parameters, then computes one year at a time.
 *
 * <p>Register an implementation as an OSGi service (a Declarative Services {@code @Component}); the workbench
 * wires every installed model into scenarios through the variables they exchange. A model must not need OSGi to
 * be constructed or tested: a public no-argument constructor is enough.
 *
 * <p>Example:
 * <pre>{@code
 * public final class HydrogenDemand implements Model {
 *     private final ModelDescriptor descriptor;
 *     private final Output demand;
 *     private final Parameter base;
 *
 *     public HydrogenDemand() {
 *         ModelDescriptor.Builder b = ModelDescriptor.builder("acme.hydrogen", "Electrolyser demand");
 *         demand = b.output("Final Energy|Electricity|Hydrogen", "TWh/yr", "Electrolyser electricity use");
 *         base = b.parameter("demand", "TWh/yr", 10, 0, 1e4, "Electrolyser demand", "assumption");
 *         descriptor = b.build();
 *     }
 *
 *     public ModelDescriptor descriptor() { return descriptor; }
 *
 *     public void step(StepContext ctx) {
 *         for (int r = 0; r < ctx.regionCount(); r++) ctx.set(demand, r, ctx.get(base, r));
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface Model {

    /** The model's declaration; must return the same object every time. */
    ModelDescriptor descriptor();

    /**
     * Computes the current year ({@link StepContext#year()}) for every region, setting every output.
     *
     * <p>Called once per year, in year order, after every model that writes a lag-0 input of this one. Must not
     * keep state between calls (see the package rules) and must return promptly.
     *
     * @throws RuntimeException any exception fails the run with a message naming this model and the year
     */
    void step(StepContext ctx);
}
