package etw.launcher;

import java.util.List;

/**
 * The feature folders every command starts. A class of its own so that a command sent to the daemon does not load
 * the framework's classes to name them.
 */
final class Features {
    static final List<String> BASE = List.of("core", "models", "teaching");

    private Features() {
    }
}
