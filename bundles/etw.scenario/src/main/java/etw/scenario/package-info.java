/**
 * Scenarios: {@link etw.scenario.ScenarioService} finds, reads and saves them (canned, saved in the workspace,
 * or files), {@link etw.scenario.ScenarioParser} reads scenario files (YAML) with file:line:column in every
 * error, {@link etw.scenario.ScenarioWriter} writes their canonical form, and {@link etw.scenario.IamcCsvReader}
 * reads exogenous data from IAMC CSV files.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package etw.scenario;
