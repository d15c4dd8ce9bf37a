package etw.cluster.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;

import etw.api.scenario.Scenario;
import etw.engine.Ensemble;
import etw.engine.InstalledModel;
import etw.engine.RunException;
import etw.engine.SampledRuns;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.scenario.ScenarioException;
import etw.scenario.ScenarioParser;
import etw.sensitivity.ScenarioSensitivity;
import etw.sensitivity.SobolAnalysis;

/**
 * A member's side: checks every message's HMAC, compares the coordinator's bundles with its own (installing a
 * plugin it is sent), prepares runs, runs blocks of sample indices and signs what it returns. A run is dropped when
 * its coordinator finishes it or leaves the cluster; a block of a coordinator that left stops at the next sample.
 * <p>
 * Job kinds: {@code ensemble} (blocks of sample indices, answered with histogram counts: {@link EnsembleJob}) and
 * {@code sensitivity} (blocks of base rows of a Saltelli design, answered with the rows' outputs:
 * {@link SensitivityJob}).
 */
final class Worker implements MembershipListener {
    /** A prepared run: it answers blocks of indices with a mergeable partial result. */
    interface Prepared {
        byte[] block(int from, int to, java.util.function.BooleanSupplier cancelled) throws RunException;

        String describe();

        /** How the last block went, for the log (may be empty). */
        default String lastBlock() {
            return "";
        }

        /** What an index is, for the log: "samples", "rows". */
        default String unit() {
            return "samples";
        }
    }

    private record Run(String id, String coordinator, String coordinatorAddress, Prepared prepared, AtomicInteger blocks,
            java.util.concurrent.atomic.AtomicBoolean cancelled) {
    }

    private final Secret secret;
    private final BundleContext context;
    private final Supplier<List<InstalledModel>> models;
    private final BundleSet bundles;
    private final PrintStream log;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile long lastInstall;

    Worker(Secret secret, BundleContext context, Supplier<List<InstalledModel>> models, PrintStream log) {
        this.secret = secret;
        this.context = context;
        this.models = models;
        this.bundles = new BundleSet(context);
        this.log = log;
    }

    void log(String line) {
        log.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " etw node: " + line);
        log.flush();
    }

    byte[] handle(byte[] message, HazelcastInstance hz) throws Exception {
        Secret.Opened m;
        try {
            m = secret.open(message, "a job");
        } catch (SecurityException e) {
            log(e.getMessage());
            throw e;
        }
        try (DataInputStream in = Io.in(m.payload())) {
            return switch (m.kind()) {
                case PREPARE -> prepare(in, hz);
                case BLOCK -> block(in);
                case INSTALL -> install(in);
                case FINISH -> finish(in);
                default -> throw new IllegalStateException("a member does not take " + m.kind() + " messages");
            };
        }
    }

    private byte[] prepare(DataInputStream in, HazelcastInstance hz) throws IOException {
        String runId = in.readUTF(), coordinator = in.readUTF(), coordinatorAddress = in.readUTF(), kind = in.readUTF();
        String text = new String(Io.readBlob(in), StandardCharsets.UTF_8);
        long seed = in.readLong();
        int samples = in.readInt();
        List<BundleSet.Entry> theirs = BundleSet.read(in);
        byte[] data = Io.readBlob(in);
        if (!kind.equals(EnsembleJob.KIND) && !kind.equals(SensitivityJob.KIND)) return mismatch("this member does not know job kind '" + kind + "' (an older ETW?)");
        if (hz.getCluster().getMembers().stream().noneMatch(x -> x.getUuid().toString().equals(coordinator)))
            return mismatch("the coordinator " + coordinatorAddress + " is not in this cluster");
        BundleSet.Difference d = BundleSet.compare(theirs, bundles.entries());
        if (!d.mismatches().isEmpty()) {
            String why = String.join("; ", d.mismatches());
            log("left out of run " + runId + " from " + coordinatorAddress + ": " + why);
            return mismatch(why + ". Install the same ETW distribution and plugins on every member.");
        }
        if (!d.missingPlugins().isEmpty()) {
            log("run " + runId + " from " + coordinatorAddress + " needs plugin(s) "
                    + String.join(", ", d.missingPlugins().stream().map(BundleSet.Entry::label).toList()) + "; asking for them");
            return secret.seal(Secret.Kind.PREPARED, Io.bytes(o -> {
                o.writeByte(1);
                o.writeInt(d.missingPlugins().size());
                for (BundleSet.Entry e : d.missingPlugins()) o.writeUTF(e.sha256());
            }));
        }
        // compute only with models of bundles the coordinator has, in the versions it has
        Set<String> allowed = ConcurrentHashMap.newKeySet();
        for (BundleSet.Entry e : theirs) allowed.add(e.name() + " " + e.version());
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(text, "the coordinator's scenario");
        } catch (ScenarioException e) {
            return mismatch("cannot read the coordinator's scenario: " + e.getMessage());
        }
        Wiring wiring = null;
        String wiringProblem = null;
        long until = System.currentTimeMillis() + (System.currentTimeMillis() - lastInstall < 30_000 ? 10_000 : 0);
        do {
            List<InstalledModel> mine = new ArrayList<>();
            for (InstalledModel im : models.get()) if (allowed.contains(im.bundle() + " " + im.bundleVersion())) mine.add(im);
            try {
                wiring = Wiring.wire(scenario, mine);
                wiringProblem = null;
            } catch (WiringException e) {
                wiringProblem = e.getMessage();
                try {
                    Thread.sleep(200); // a plugin installed a moment ago may not have registered its model yet
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } while (wiring == null && System.currentTimeMillis() < until);
        if (wiring == null) return mismatch("cannot wire the coordinator's scenario here: " + wiringProblem);
        Prepared prepared;
        try {
            if (kind.equals(EnsembleJob.KIND)) {
                Ensemble ensemble = Ensemble.of(wiring).samples(samples).seed(seed).threads(1);
                prepared = EnsembleJob.member(ensemble, data, "ensemble of " + scenario.name() + ", " + samples + " samples, seed " + seed);
            } else {
                List<ScenarioSensitivity.Output> outputs = SensitivityJob.readOutputs(data);
                SobolAnalysis analysis = ScenarioSensitivity.of(SampledRuns.of(wiring), outputs).samples(samples).seed(seed).threads(1);
                prepared = SensitivityJob.member(analysis, "sensitivity of " + scenario.name() + " ("
                        + String.join("; ", outputs.stream().map(ScenarioSensitivity.Output::label).toList()) + "), "
                        + samples + " base rows x " + (analysis.factors().size() + 2) + " runs, seed " + seed);
            }
        } catch (WiringException | IllegalArgumentException e) {
            return mismatch("cannot prepare the coordinator's " + kind + " here: " + e.getMessage());
        }
        runs.put(runId, new Run(runId, coordinator, coordinatorAddress, prepared, new AtomicInteger(), new java.util.concurrent.atomic.AtomicBoolean()));
        log("run " + runId + " from " + coordinatorAddress + ": " + prepared.describe() + "; bundles match ("
                + theirs.size() + ")");
        int cores = Runtime.getRuntime().availableProcessors();
        return secret.seal(Secret.Kind.PREPARED, Io.bytes(o -> {
            o.writeByte(0);
            o.writeInt(cores);
        }));
    }

    private byte[] mismatch(String why) {
        return secret.seal(Secret.Kind.PREPARED, Io.bytes(o -> {
            o.writeByte(2);
            o.writeUTF(why.length() > 20_000 ? why.substring(0, 20_000) : why);
        }));
    }

    private byte[] block(DataInputStream in) throws IOException {
        String runId = in.readUTF();
        int from = in.readInt(), to = in.readInt();
        Run run = runs.get(runId);
        if (run == null) throw new IllegalStateException("run " + runId + " is not prepared on this member (or was stopped)");
        log("run " + runId + ": block " + from + "-" + (to - 1) + " (" + (to - from) + " " + run.prepared().unit() + ")");
        long t0 = System.nanoTime();
        byte[] counts;
        String failure = null;
        try {
            counts = run.prepared().block(from, to, () -> run.cancelled().get());
        } catch (RunException e) {
            counts = new byte[0];
            failure = e.getMessage();
            if (run.cancelled().get()) throw new IllegalStateException("run " + runId + " was stopped: its coordinator left");
            log("run " + runId + ": block " + from + "-" + (to - 1) + " failed: " + failure);
        }
        run.blocks().incrementAndGet();
        byte[] result = counts;
        String failed = failure;
        long micros = (System.nanoTime() - t0) / 1000;
        if (failure == null) log("run " + runId + ": block " + from + "-" + (to - 1) + " done in " + micros / 1000 + " ms"
                + (run.prepared().lastBlock().isEmpty() ? "" : " (" + run.prepared().lastBlock() + ")"));
        return secret.seal(Secret.Kind.BLOCK_DONE, Io.bytes(o -> {
            o.writeUTF(runId);
            o.writeInt(from);
            o.writeInt(to);
            o.writeLong(micros);
            o.writeBoolean(failed == null);
            if (failed == null) Io.writeBlob(o, result);
            else o.writeUTF(failed.length() > 20_000 ? failed.substring(0, 20_000) : failed);
        }));
    }

    private byte[] install(DataInputStream in) throws IOException {
        String name = in.readUTF(), version = in.readUTF(), sha = in.readUTF();
        byte[] jar = Io.readBlob(in);
        String actual = BundleSet.sha256(jar);
        if (!actual.equals(sha)) {
            String why = "refused bundle " + name + " " + version + ": its bytes do not match the SHA-256 it was sent with";
            log(why);
            throw new SecurityException(why);
        }
        try (JarInputStream j = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest mf = j.getManifest();
            String bsn = mf == null ? null : mf.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            String v = mf == null ? null : mf.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
            if (bsn == null || !bsn.split(";")[0].trim().equals(name) || v == null
                    || !org.osgi.framework.Version.parseVersion(v).toString().equals(version))
                throw new SecurityException("refused bundle " + name + " " + version + ": the jar is not that bundle");
        }
        String location = BundleSet.RECEIVED + sha;
        Bundle b = context.getBundle(location);
        try {
            if (b == null) b = context.installBundle(location, new ByteArrayInputStream(jar));
            if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null) b.start();
        } catch (BundleException e) {
            log("could not install plugin " + name + " " + version + ": " + e.getMessage());
            throw new IllegalStateException("plugin " + name + " " + version + " did not install on this member: " + e.getMessage());
        }
        lastInstall = System.currentTimeMillis();
        log("installed plugin " + name + " " + version + " (" + jar.length + " bytes, SHA-256 " + sha.substring(0, 12)
                + "...) sent by a coordinator; it is not written to plugins/ and goes when this node stops");
        return secret.seal(Secret.Kind.INSTALLED, Io.bytes(o -> o.writeUTF(sha)));
    }

    private byte[] finish(DataInputStream in) throws IOException {
        String runId = in.readUTF();
        Run run = runs.remove(runId);
        if (run != null) log("run " + runId + " finished (" + run.blocks().get() + " block(s) here)");
        return secret.seal(Secret.Kind.FINISHED, Io.bytes(o -> o.writeUTF(runId)));
    }

    @Override
    public void memberAdded(MembershipEvent event) {
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        Member gone = event.getMember();
        String uuid = gone.getUuid().toString();
        for (Run r : runs.values())
            if (r.coordinator().equals(uuid)) {
                r.cancelled().set(true);
                runs.remove(r.id());
                log("coordinator " + r.coordinatorAddress() + " left; run " + r.id() + " stopped after "
                        + r.blocks().get() + " block(s) here");
            }
    }

    /** Runs in progress, for the node's shutdown message. */
    int runCount() {
        return runs.size();
    }
}
