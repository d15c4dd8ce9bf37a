package etw.cluster.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Scenario;
import etw.cluster.ClusterEnsemble;
import etw.cluster.ClusterException;
import etw.cluster.ClusterSensitivity;
import etw.engine.Ensemble;
import etw.engine.ModelCatalog;
import etw.engine.RunException;
import etw.engine.SampledRuns;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.scenario.ScenarioException;
import etw.scenario.ScenarioParser;
import etw.scenario.ScenarioWriter;
import etw.sensitivity.Indices;
import etw.sensitivity.ScenarioSensitivity;
import etw.sensitivity.SobolAnalysis;

/**
 * The coordinator of a clustered ensemble or sensitivity analysis ({@link Job}): joins the members as a Hazelcast lite member (it owns no data and runs
 * no jobs), runs an ensemble's pilot, prepares every member (which compares bundles and may ask for plugins), hands out blocks
 * of indices (samples, or rows of the Saltelli design), at most as many per member as it has cores, and merges the answers. A block whose member left
 * or failed goes back into the queue for the others.
 */
@Component(service = {ClusterEnsemble.class, ClusterSensitivity.class})
public final class CoordinatorComponent implements ClusterEnsemble, ClusterSensitivity {
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    /** How long to wait for the first member, and for a member when every one is gone and blocks remain. */
    static final long MEMBER_WAIT_MS = 20_000;

    private final ModelCatalog catalog;
    private final BundleContext context;
    /** Kept: it caches the jars' SHA-256 (Hazelcast's jar alone is 17 MB), so a workbench's second run does not hash again. */
    private final BundleSet bundleSet;

    @Activate
    public CoordinatorComponent(@Reference ModelCatalog catalog, BundleContext context) {
        this.catalog = catalog;
        this.context = context;
        this.bundleSet = new BundleSet(context);
    }

    /** Figures of the last run, for measurements ({@code etw.cluster.stats} prints them). */
    record Stats(int blocks, long requestBytes, long responseBytes, long mergeNanos, long pilotNanos, long connectNanos) {
    }

    @Override
    public EnsembleResult run(Scenario scenario, long seed, int samples, List<String> addresses, Path secretFile, Progress progress)
            throws ClusterException, RunException, WiringException {
        Cluster cluster = cluster(addresses, secretFile);
        // members compute from this text; so does the coordinator, so both read the same scenario
        String text = ScenarioWriter.write(scenario);
        Ensemble ensemble = Ensemble.of(Wiring.wire(sameScenario(text), catalog.models())).samples(samples).seed(seed);
        EnsembleJob job = new EnsembleJob(ensemble, seed, samples);
        execute(cluster, job, text, progress);
        return job.result();
    }

    @Override
    public List<Indices> run(Scenario scenario, List<ScenarioSensitivity.Output> outputs, int samples, long seed, int bootstrap,
            List<String> addresses, Path secretFile, Progress progress) throws ClusterException, RunException, WiringException {
        Cluster cluster = cluster(addresses, secretFile);
        String text = ScenarioWriter.write(scenario);
        // the coordinator's analysis of the same text: it checks the outputs and estimates the indices from the rows
        SobolAnalysis analysis;
        try {
            analysis = ScenarioSensitivity.of(SampledRuns.of(Wiring.wire(sameScenario(text), catalog.models())), outputs);
        } catch (IllegalArgumentException e) {
            throw new ClusterException(e.getMessage());
        }
        analysis.samples(samples).seed(seed).bootstrap(bootstrap);
        SensitivityJob job = new SensitivityJob(analysis, outputs, seed);
        execute(cluster, job, text, progress);
        return job.result();
    }

    private record Cluster(List<String> addresses, Secret secret) {
    }

    private static Cluster cluster(List<String> addresses, Path secretFile) throws ClusterException {
        if (secretFile == null) secretFile = Args.secretFile(null);
        try {
            addresses = Args.addresses(String.join(",", addresses), "--cluster");
        } catch (IllegalArgumentException e) {
            throw new ClusterException(e.getMessage());
        }
        try {
            return new Cluster(addresses, Secret.load(secretFile));
        } catch (IOException e) {
            throw new ClusterException(e.getMessage());
        }
    }

    private static Scenario sameScenario(String text) throws ClusterException {
        try {
            return ScenarioParser.parse(text, "the scenario sent to the cluster");
        } catch (ScenarioException e) {
            throw new ClusterException("the scenario cannot be sent to the cluster: written out and read back it fails: " + e.getMessage());
        }
    }

    private void execute(Cluster cluster, Job job, String text, Progress progress) throws ClusterException, RunException {
        List<BundleSet.Entry> bundles = bundleSet.entries();
        HAZELCAST_LOG.setLevel(Level.SEVERE);
        List<String> addresses = cluster.addresses();
        String iface = Hz.addressToward(addresses.get(0).substring(0, addresses.get(0).lastIndexOf(':')));
        long t0 = System.nanoTime();
        HazelcastInstance hz;
        try {
            hz = Hz.start(cluster.secret(), iface, freePort(iface), true, addresses, true, 2, null);
        } catch (RuntimeException e) {
            throw new ClusterException("cannot join the cluster at " + String.join(", ", addresses) + ": " + e.getMessage());
        }
        try {
            new Session(hz, cluster.secret(), job, text, bundles, addresses, progress, t0).run();
        } finally {
            hz.getLifecycleService().terminate();
        }
    }

    private static int freePort(String iface) {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(iface))) {
            return s.getLocalPort();
        } catch (IOException e) {
            return 5801;
        }
    }

    /** The last run's figures; read by tests and the measurement script through the log line. */
    static volatile Stats lastStats;

    /** One clustered run. Every field is touched by the run's thread only; callbacks post events. */
    private final class Session implements MembershipListener {
        private final HazelcastInstance hz;
        private final Secret secret;
        private final Job job;
        private final String text;
        private final int samples;
        private final List<BundleSet.Entry> bundles;
        private final List<String> addresses;
        private final Progress progress;
        private final long started;
        private final String runId;
        private final IExecutorService executor;
        private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
        private final Map<UUID, MemberState> members = new LinkedHashMap<>();
        private final Deque<int[]> pending = new ArrayDeque<>();
        private byte[] data;
        private int done;
        private RunException failure;
        private long requestBytes, responseBytes, mergeNanos, memberMicros;
        private int blocks;

        private final class MemberState {
            final Member member;
            final String name;
            int cores;
            boolean ready, out;
            String why = "";
            final List<int[]> inFlight = new ArrayList<>();
            int installs;

            MemberState(Member member) {
                this.member = member;
                this.name = NodeComponent.describe(member);
            }
        }

        Session(HazelcastInstance hz, Secret secret, Job job, String text, List<BundleSet.Entry> bundles,
                List<String> addresses, Progress progress, long started) {
            this.hz = hz;
            this.secret = secret;
            this.job = job;
            this.text = text;
            this.samples = job.samples();
            this.bundles = bundles;
            this.addresses = addresses;
            this.progress = progress;
            this.started = started;
            byte[] id = new byte[6];
            new SecureRandom().nextBytes(id);
            this.runId = HexFormat.of().formatHex(id);
            this.executor = hz.getExecutorService(Hz.EXECUTOR);
        }

        void run() throws ClusterException, RunException {
            long connected = System.nanoTime() - started;
            hz.getCluster().addMembershipListener(this);
            long p0 = System.nanoTime();
            job.start();
            long pilotNanos = System.nanoTime() - p0;
            int first = job.first();
            done = first;
            data = job.data();
            int size = job.blockSize(Math.max(1, addresses.size()));
            for (int from = first; from < samples; from += size) pending.add(new int[] {from, Math.min(samples, from + size)});
            for (Member m : hz.getCluster().getMembers()) events.add(() -> added(m));
            progress.update(done, 0);
            long lastMember = System.currentTimeMillis();
            try {
                while (done < samples) {
                    Runnable event = events.poll(500, TimeUnit.MILLISECONDS);
                    if (event != null) event.run();
                    if (failure != null) throw failure;
                    dispatch();
                    boolean working = members.values().stream().anyMatch(s -> !s.out);
                    if (working) lastMember = System.currentTimeMillis();
                    else if (System.currentTimeMillis() - lastMember > MEMBER_WAIT_MS)
                        throw new ClusterException(noMembers());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted");
            }
            for (MemberState s : members.values())
                if (s.ready && !s.out) send(s, Secret.Kind.FINISH, Io.bytes(o -> o.writeUTF(runId)), (ok, bytes, t) -> { });
            lastStats = new Stats(blocks, requestBytes, responseBytes, mergeNanos, pilotNanos, connected);
            progress.note(String.format(java.util.Locale.ROOT, "cluster: %d block(s) of %s from %d member(s); joined in %.2f s, pilot %.2f s;"
                    + " %,d bytes sent, %,d received (%,d per block); merging took %.1f ms (%.2f ms per block);"
                    + " members took %.1f s for their blocks (%.1f ms per block)",
                    blocks, job.unit(), members.values().stream().filter(s -> s.ready).count(), connected / 1e9, pilotNanos / 1e9,
                    requestBytes, responseBytes, blocks == 0 ? 0 : responseBytes / blocks, mergeNanos / 1e6,
                    blocks == 0 ? 0 : mergeNanos / 1e6 / blocks, memberMicros / 1e6, blocks == 0 ? 0 : memberMicros / 1e3 / blocks));
        }

        private String noMembers() {
            List<String> why = new ArrayList<>();
            for (MemberState s : members.values()) if (s.out) why.add(s.name + " was left out" + (s.why.isEmpty() ? "" : " (" + s.why + ")"));
            return "no member of the cluster at " + String.join(", ", addresses) + " can run the " + job.kind()
                    + (why.isEmpty() ? " (none answered within " + MEMBER_WAIT_MS / 1000 + " s: start them with `etw node "
                    + "--secret-file F` using the same secret file, and check the addresses)" : ": " + String.join("; ", why))
                    + "; " + done + " of " + samples + " " + job.unit() + " done";
        }

        // ---- events: run on the session's thread ----

        private void added(Member m) {
            if (m.isLiteMember() || m.localMember() || members.containsKey(m.getUuid())) return;
            MemberState s = new MemberState(m);
            members.put(m.getUuid(), s);
            prepare(s);
        }

        private void prepare(MemberState s) {
            byte[] payload = Io.bytes(o -> {
                o.writeUTF(runId);
                o.writeUTF(hz.getCluster().getLocalMember().getUuid().toString());
                Member self = hz.getCluster().getLocalMember();
                o.writeUTF(self.getAddress().getHost() + ":" + self.getAddress().getPort());
                o.writeUTF(job.kind());
                Io.writeBlob(o, text.getBytes(StandardCharsets.UTF_8));
                o.writeLong(job.seed());
                o.writeInt(samples);
                BundleSet.write(o, bundles);
                Io.writeBlob(o, data);
            });
            send(s, Secret.Kind.PREPARE, payload, (ok, bytes, t) -> {
                if (!ok) {
                    leaveOut(s, t);
                    return;
                }
                Secret.Opened answer = answer(s, bytes, Secret.Kind.PREPARED);
                if (answer == null) return;
                try (DataInputStream in = Io.in(answer.payload())) {
                    int status = in.readByte();
                    if (status == 0) {
                        s.cores = Math.max(1, in.readInt());
                        s.ready = true;
                        progress.note("cluster: member " + s.name + " ready (" + s.cores + " core(s))");
                    } else if (status == 1) {
                        int n = in.readInt();
                        List<String> shas = new ArrayList<>();
                        for (int i = 0; i < n; i++) shas.add(in.readUTF());
                        sendPlugins(s, shas);
                    } else {
                        s.out = true;
                        s.why = in.readUTF();
                        progress.note("cluster: member " + s.name + " left out: " + s.why);
                    }
                } catch (IOException e) {
                    leaveOut(s, e);
                }
            });
        }

        private void sendPlugins(MemberState s, List<String> shas) throws IOException {
            if (++s.installs > 2) {
                s.out = true;
                progress.note("cluster: member " + s.name + " left out: it still lacks plugins after they were sent");
                return;
            }
            BundleSet set = new BundleSet(context);
            int[] waiting = {shas.size()};
            for (String sha : shas) {
                BundleSet.Entry e = bundles.stream().filter(b -> b.sha256().equals(sha)).findFirst().orElse(null);
                Path jar = e == null ? null : set.jarOf(e);
                if (jar == null) {
                    s.out = true;
                    progress.note("cluster: member " + s.name + " left out: it lacks a plugin whose jar this process cannot read");
                    return;
                }
                byte[] bytes = Files.readAllBytes(jar);
                progress.note("cluster: sending plugin " + e.label() + " (" + bytes.length + " bytes) to " + s.name);
                send(s, Secret.Kind.INSTALL, Io.bytes(o -> {
                    o.writeUTF(e.name());
                    o.writeUTF(e.version());
                    o.writeUTF(e.sha256());
                    Io.writeBlob(o, bytes);
                }), (ok, answer, t) -> {
                    if (!ok) {
                        leaveOut(s, t);
                        return;
                    }
                    if (answer(s, answer, Secret.Kind.INSTALLED) == null) return;
                    if (--waiting[0] == 0 && !s.out) prepare(s);
                });
            }
        }

        private void dispatch() {
            for (MemberState s : members.values()) {
                while (s.ready && !s.out && s.inFlight.size() < s.cores && !pending.isEmpty()) {
                    int[] block = pending.poll();
                    s.inFlight.add(block);
                    send(s, Secret.Kind.BLOCK, Io.bytes(o -> {
                        o.writeUTF(runId);
                        o.writeInt(block[0]);
                        o.writeInt(block[1]);
                    }), (ok, bytes, t) -> blockDone(s, block, ok, bytes, t));
                }
            }
            progress.update(done, (int) members.values().stream().filter(x -> x.ready && !x.out).count());
        }

        private void blockDone(MemberState s, int[] block, boolean ok, byte[] bytes, Throwable t) {
            // a block of a member that was left out is back in the queue already: its late answer is not counted
            if (!s.inFlight.remove(block)) return;
            if (!ok) {
                pending.addFirst(block);
                leaveOut(s, t);
                return;
            }
            Secret.Opened answer = answer(s, bytes, Secret.Kind.BLOCK_DONE);
            if (answer == null) {
                pending.addFirst(block);
                return;
            }
            try (DataInputStream in = Io.in(answer.payload())) {
                String id = in.readUTF();
                int from = in.readInt(), to = in.readInt();
                long micros = in.readLong();
                if (!id.equals(runId) || from != block[0] || to != block[1])
                    throw new IOException("the answer is for block " + from + "-" + to + " of run " + id);
                if (!in.readBoolean()) {
                    failure = new RunException("", 0, "member " + s.name + ": " + in.readUTF(), null);
                    return;
                }
                byte[] counts = Io.readBlob(in);
                long m0 = System.nanoTime();
                job.merge(from, to, counts);
                mergeNanos += System.nanoTime() - m0;
                memberMicros += micros;
                responseBytes += bytes.length;
                blocks++;
                done += to - from;
            } catch (IOException e) {
                pending.addFirst(block);
                leaveOut(s, e);
            }
        }

        /** Checks a member's signed answer; a bad one leaves the member out. */
        private Secret.Opened answer(MemberState s, byte[] bytes, Secret.Kind kind) {
            try {
                Secret.Opened o = secret.open(bytes, "the answer of member " + s.name);
                if (o.kind() != kind) throw new SecurityException("member " + s.name + " answered " + o.kind() + " to a " + kind + " request");
                return o;
            } catch (SecurityException e) {
                leaveOut(s, e);
                return null;
            }
        }

        private void leaveOut(MemberState s, Throwable t) {
            if (s.out) return;
            s.out = true;
            s.ready = false;
            List<int[]> lost = new ArrayList<>(s.inFlight);
            s.inFlight.clear();
            for (int[] b : lost) pending.addFirst(b);
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String why = gone(root) ? "it left the cluster" : String.valueOf(root.getMessage());
            s.why = why;
            progress.note("cluster: member " + s.name + " left out: " + why
                    + (lost.isEmpty() ? "" : "; its " + lost.size() + " unfinished block(s) go to the other members"));
        }

        private boolean gone(Throwable t) {
            String n = t.getClass().getSimpleName();
            return n.contains("MemberLeft") || n.contains("TargetNotMember") || n.contains("TargetDisconnected")
                    || n.contains("HazelcastInstanceNotActive");
        }

        private interface Answer {
            void accept(boolean ok, byte[] bytes, Throwable failure) throws IOException;
        }

        private void send(MemberState s, Secret.Kind kind, byte[] payload, Answer answer) {
            byte[] message = secret.seal(kind, payload);
            requestBytes += message.length;
            try {
                executor.submitToMember(new WorkTask(message), s.member, new ExecutionCallback<byte[]>() {
                    @Override
                    public void onResponse(byte[] response) {
                        events.add(() -> handle(s, () -> answer.accept(true, response, null)));
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        events.add(() -> handle(s, () -> answer.accept(false, null, t)));
                    }
                });
            } catch (RuntimeException e) {
                events.add(() -> handle(s, () -> answer.accept(false, null, e)));
            }
        }

        private interface Step {
            void run() throws IOException;
        }

        private void handle(MemberState s, Step step) {
            try {
                step.run();
            } catch (IOException | RuntimeException e) {
                leaveOut(s, e);
            }
        }

        @Override
        public void memberAdded(MembershipEvent e) {
            events.add(() -> added(e.getMember()));
        }

        @Override
        public void memberRemoved(MembershipEvent e) {
            events.add(() -> {
                MemberState s = members.get(e.getMember().getUuid());
                if (s != null) leaveOut(s, new IllegalStateException("it left the cluster"));
            });
        }
    }
}
