/**
 * Exports of results: IAMC CSV (the format of pyam and the IPCC AR6 database) and run manifests as JSON, written
 * as a pair that cannot mix ({@link etw.io.RunFiles}) under names checked by {@link etw.io.OutputNames}; and
 * {@link etw.io.SafeText} for printing names on a terminal.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package etw.io;
