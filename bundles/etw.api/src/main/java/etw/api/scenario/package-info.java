/**
 * Scenarios (what to run), canned-scenario libraries (where scenarios come from) and results (what a run
 * produced). Scenario files are parsed by the {@code etw.scenario} bundle; runs are made by {@code etw.engine}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package etw.api.scenario;
