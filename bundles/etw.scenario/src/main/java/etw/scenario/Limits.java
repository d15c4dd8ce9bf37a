package etw.scenario;

/** The limits a scenario and its data files must keep, so that no file can exhaust memory or time. */
final class Limits {
    /** Largest scenario file, in bytes (or characters, for text handed in). */
    static final int MAX_SCENARIO_BYTES = 4 * 1024 * 1024;
    /** Longest run of characters without whitespace: SnakeYAML scans one such run in quadratic time. */
    static final int MAX_WORD = 16 * 1024;
    /** Deepest nesting of YAML mappings and lists. */
    static final int MAX_NESTING = 20;
    /** Most aliases ({@code *name}) in one file. */
    static final int MAX_ALIASES = 20;
    /** Longest chain of {@code extends}. */
    static final int MAX_EXTENDS = 16;
    /** Most regions in a scenario. */
    static final int MAX_REGIONS = 1000;
    /** Trajectory years and scenario years lie in this range (at most 401 years). */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2300;
    /** Largest data file (IAMC CSV, region mapping), in bytes. */
    static final long MAX_DATA_BYTES = 64L * 1024 * 1024;

    private Limits() {
    }

    static String mib(long bytes) {
        return bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)) + " MiB" : bytes + " bytes";
    }
}
