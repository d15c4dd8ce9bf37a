package etw.io;

import java.io.IOException;

/**
 * A result holds a value that is not a finite number (NaN or infinite), which must never be written as a result.
 * The message names the scenario, variable, region and year; it means a model failed, not that the disk did.
 */
public final class NonFiniteValueException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String region;
    private final int year;

    NonFiniteValueException(String scenario, String variable, String region, int year, double value) {
        super("the result of scenario " + SafeText.of(scenario) + " has " + value + " for " + SafeText.of(variable) + " in "
                + SafeText.of(region) + ", " + year + ": a model produced a value that is not a finite number, so the"
                + " run failed and no result was written");
        this.variable = variable;
        this.region = region;
        this.year = year;
    }

    public String variable() {
        return variable;
    }

    public String region() {
        return region;
    }

    public int year() {
        return year;
    }
}
