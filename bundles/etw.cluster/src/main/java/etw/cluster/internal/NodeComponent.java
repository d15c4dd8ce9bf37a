package etw.cluster.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;

import etw.engine.ModelCatalog;

/**
 * {@code etw node}: starts a Hazelcast member that runs the jobs of coordinators signed with the cluster secret.
 * The launcher calls it with the arguments after {@code node} and keeps the framework running until Ctrl-C. The
 * service type is a JDK interface: the launcher shares no class with the bundles.
 */
@Component(service = Function.class, property = "etw.application=node", immediate = true)
public final class NodeComponent implements Function<String[], Integer> {
    /** Held so the level is not lost to garbage collection. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    private final ModelCatalog catalog;
    private final BundleContext context;
    private volatile HazelcastInstance hz;
    private volatile Worker worker;

    @Activate
    public NodeComponent(@Reference ModelCatalog catalog, BundleContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    @Override
    public synchronized Integer apply(String[] argv) {
        PrintStream out = System.out, err = System.err;
        if (hz != null) {
            err.println("etw: this process already runs a node");
            return 2;
        }
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        List<String> join;
        int port;
        String iface;
        Path secretFile;
        try {
            String joinText = Args.take(args, "--join");
            join = joinText == null ? List.of() : Args.addresses(joinText, "--join");
            String portText = Args.take(args, "--port");
            port = portText == null ? Args.DEFAULT_PORT : Integer.parseInt(portText);
            if (port < 1 || port > 65535) throw new IllegalArgumentException("--port takes 1 to 65535, got " + port);
            iface = Args.take(args, "--interface");
            if (iface == null) iface = "127.0.0.1";
            else iface = InetAddress.getByName(iface).getHostAddress();
            secretFile = Args.secretFile(Args.take(args, "--secret-file"));
            if (!args.isEmpty()) throw new IllegalArgumentException("unknown option " + args.get(0));
        } catch (NumberFormatException e) {
            err.println("etw: --port takes a whole number; " + Args.NODE_USAGE);
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("etw: " + e.getMessage() + "; " + Args.NODE_USAGE);
            return 2;
        }
        Secret secret;
        try {
            secret = Secret.load(secretFile);
        } catch (IOException e) {
            err.println("etw: " + e.getMessage());
            return 2;
        }
        HAZELCAST_LOG.setLevel(Level.SEVERE);
        Worker w = new Worker(secret, context, catalog::models, out);
        int cores = java.lang.Runtime.getRuntime().availableProcessors();
        try {
            hz = Hz.start(secret, iface, port, portText(argv) == null, join, false, cores + 2, w);
        } catch (RuntimeException e) {
            err.println("etw: the node did not start on " + iface + ":" + port + ": " + e.getMessage()
                    + " (is the port taken? choose another with --port)");
            return 3;
        }
        worker = w;
        hz.getCluster().addMembershipListener(w);
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                w.log("joined: " + describe(e.getMember()) + "; " + e.getMembers().size() + " in the cluster");
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                w.log("left: " + describe(e.getMember()) + "; " + e.getMembers().size() + " in the cluster");
            }
        });
        Member self = hz.getCluster().getLocalMember();
        w.log("node " + self.getAddress().getHost() + ":" + self.getAddress().getPort() + " started in cluster "
                + secret.clusterName() + " (secret " + secretFile + "), " + cores + " core(s), "
                + catalog.models().size() + " model(s); joins only " + (join.isEmpty() ? "those who join it" : String.join(", ", join))
                + "; multicast off");
        w.log("members: " + String.join(", ", hz.getCluster().getMembers().stream().map(NodeComponent::describe).toList()));
        w.log("runs jobs signed with the cluster secret; Ctrl-C stops it");
        return 0;
    }

    private static String portText(String[] argv) {
        return Arrays.asList(argv).contains("--port") ? "given" : null;
    }

    static String describe(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort() + (m.isLiteMember() ? " (coordinator)" : "");
    }

    @Deactivate
    void stop() {
        HazelcastInstance h = hz;
        hz = null;
        if (h != null) {
            Worker w = worker;
            if (w != null) w.log("stopping" + (w.runCount() > 0 ? " with " + w.runCount() + " run(s) unfinished" : ""));
            h.getLifecycleService().terminate();
        }
    }
}
