package etw.cluster.internal;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

/**
 * What travels through Hazelcast's executor: only a signed message (bytes). The member hands it to its
 * {@link Worker}, which checks the HMAC before it reads anything, and returns the signed answer.
 */
public final class WorkTask implements Callable<byte[]>, DataSerializable, HazelcastInstanceAware {
    static final int MAX_BYTES = 256 << 20;
    private byte[] message;
    private transient HazelcastInstance instance;

    public WorkTask() {
    }

    WorkTask(byte[] message) {
        this.message = message;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public byte[] call() throws Exception {
        Object worker = instance == null ? null : instance.getUserContext().get(Hz.WORKER);
        if (!(worker instanceof Worker w))
            throw new IllegalStateException("this process is not an ETW node (it runs no jobs)");
        return w.handle(message, instance);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByteArray(message);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        message = in.readByteArray();
        if (message != null && message.length > MAX_BYTES) throw new IOException("message too large");
    }
}
