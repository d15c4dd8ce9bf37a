/** Helpers for testing a model on its own, in plain JUnit, without OSGi or the engine. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package etw.testkit;
