package etw.engine;

import java.util.List;

/** A scenario cannot be wired to the installed models; the message says what, where and how to fix it. */
public class WiringException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> models;

    public WiringException(String message) {
        this(message, List.of());
    }

    /**
     * @param models the ids of the models whose declarations cause the problem (a model with a missing input, the
     *               models of a cycle or of a unit mismatch), so that a plugin that joined by default can be left
     *               out instead of failing the scenario
     */
    public WiringException(String message, List<String> models) {
        super(message);
        this.models = List.copyOf(models);
    }

    /** The models at fault, if the problem lies in model declarations; empty for a problem of the scenario. */
    public List<String> models() {
        return models;
    }
}
