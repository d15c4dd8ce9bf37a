/** Reads scenario files (YAML) into {@link etw.api.scenario.Scenario}s, with file:line:column in every error. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package etw.scenario;
