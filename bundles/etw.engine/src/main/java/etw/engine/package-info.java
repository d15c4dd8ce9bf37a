/**
 * Wires installed models into a scenario ({@link etw.engine.Wiring#wire}) and runs it ({@link etw.engine.Wiring#run}).
 * All name resolution, unit conversion and validation happen at wiring; a run only indexes arrays.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package etw.engine;
