package etw.cluster.internal;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Hazelcast as ETW runs it: TCP-IP join with the listed addresses only, multicast and auto-detection off, bound to
 * one interface (127.0.0.1 unless told otherwise), no phone-home, quick failure detection, and a cluster name
 * derived from the secret.
 */
final class Hz {
    static final String EXECUTOR = "etw";
    static final String WORKER = "etw.worker";

    private Hz() {
    }

    /**
     * @param iface    the address to bind and announce
     * @param port     the first port to try
     * @param increase whether later ports may be tried when it is taken
     * @param join     {@code HOST:PORT} of members to join (may be empty for the first node)
     * @param lite     a lite member (the coordinator): it owns no data and runs no jobs
     * @param pool     threads of the job executor
     */
    static HazelcastInstance start(Secret secret, String iface, int port, boolean increase, List<String> join, boolean lite,
            int pool, Object worker) {
        Config config = new Config();
        config.setClusterName(secret.clusterName());
        config.setInstanceName((lite ? "etw-coordinator-" : "etw-node-") + ProcessHandle.current().pid() + "-" + System.nanoTime());
        config.setClassLoader(Hz.class.getClassLoader());
        config.setLiteMember(lite);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "8");
        config.setProperty("hazelcast.connection.monitor.interval", "500");
        config.setProperty("hazelcast.connection.monitor.max.faults", "2");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "5");
        config.setProperty("hazelcast.partition.count", "31");
        config.getJetConfig().setEnabled(false);
        // Java deserialization only of what the defaults allow (known gadget classes refused); ETW's own messages
        // are byte arrays read after their HMAC is checked
        config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(increase).setPortCount(increase ? 20 : 1);
        network.getInterfaces().setEnabled(true).addInterface(iface);
        JoinConfig j = network.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(3);
        for (String a : join) j.getTcpIpConfig().addMember(a);
        config.getExecutorConfig(EXECUTOR).setPoolSize(pool).setQueueCapacity(0).setStatisticsEnabled(false);
        ConcurrentMap<String, Object> context = new ConcurrentHashMap<>();
        if (worker != null) context.put(WORKER, worker);
        config.setUserContext(context);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Hazelcast.class.getClassLoader());
        try {
            return Hazelcast.newHazelcastInstance(config);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The local address the system would use to reach {@code host} (127.0.0.1 for loopback hosts). */
    static String addressToward(String host) {
        try {
            InetAddress target = InetAddress.getByName(host);
            if (target.isLoopbackAddress()) return "127.0.0.1";
            try (DatagramSocket s = new DatagramSocket()) {
                s.connect(new InetSocketAddress(target, 9));
                return s.getLocalAddress().getHostAddress();
            }
        } catch (Exception e) {
            return "127.0.0.1";
        }
    }
}
