/**
 * What a plugin implements to add a view to the web workbench: register a {@link etw.workbench.WorkbenchView}
 * service and the page lists it beside the built-in views (Models, Scenario, Graph, Results).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package etw.workbench;
