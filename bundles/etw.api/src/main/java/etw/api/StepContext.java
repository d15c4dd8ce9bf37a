package etw.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the engine hands a model during {@link Model#step}: the current year, the regions, and access to its
 * inputs, parameters and outputs by the handles its {@link ModelDescriptor} returned.
 *
 * <p>Values are already in the units the model declared: the engine converted them at wiring. Access is by
 * index into primitive arrays; nothing is looked up by name while a run is going.
 */
@ProviderType
public interface StepContext {

    /** The calendar year being computed. */
    int year();

    /** The scenario's first year. */
    int firstYear();

    /** True in the scenario's first year, when lagged inputs still read their declared initial values. */
    default boolean isFirstYear() {
        return year() == firstYear();
    }

    /**
     * Number of regions this step computes, numbered {@code 0 .. regionCount() - 1} in scenario order. A step may
     * get some of the scenario's regions only: World is left out when it is the sum of the others, and the engine
     * steps groups of regions in parallel threads. Identify a region by {@link #regionName}, never by its number.
     */
    int regionCount();

    /** The name of region {@code region}, as the scenario gives it. */
    String regionName(int region);

    /** The value of an input for a region, in the input's declared unit (lag applied). */
    double get(Input input, int region);

    /** The value of a parameter for a region in the current year, in the parameter's declared unit. */
    double get(Parameter parameter, int region);

    /** Sets an output for a region in the current year, in the output's declared unit. */
    void set(Output output, int region, double value);
}
