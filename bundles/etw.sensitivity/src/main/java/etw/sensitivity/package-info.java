/**
 * Global sensitivity analysis: first-order and total Sobol indices estimated from Saltelli's sampling design on
 * quasi-random Sobol points ({@link etw.sensitivity.SobolAnalysis}), for any function of independent inputs and
 * for the uncertain parameters of an ETW scenario ({@link etw.sensitivity.ScenarioSensitivity}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package etw.sensitivity;
