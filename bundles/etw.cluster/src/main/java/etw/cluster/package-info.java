/**
 * Ensembles ({@link etw.cluster.ClusterEnsemble}) and Sobol sensitivity analyses
 * ({@link etw.cluster.ClusterSensitivity}) spread over a cluster of workbenches ({@code etw node}) with Hazelcast.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package etw.cluster;
