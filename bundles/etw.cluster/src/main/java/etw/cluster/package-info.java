/**
 * Ensembles spread over a cluster of workbenches ({@code etw node}) with Hazelcast: {@link etw.cluster.ClusterEnsemble}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package etw.cluster;
