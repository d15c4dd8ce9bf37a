package etw.launcher;

import java.nio.file.Path;
import java.util.Map;

import sun.misc.Signal;

/**
 * The last line of defence: a command that has not finished never ends with exit code 0. If the JVM shuts down
 * before {@link #finished()} (a plugin called {@code System.exit} past the install-time check, or SIGINT/SIGTERM
 * arrived), a shutdown hook halts with 130 for SIGINT, 143 for SIGTERM, else {@link Main#EXIT_UNFINISHED}, and
 * says so on standard error.
 */
final class ExitGuard {
    private volatile boolean finished;
    private volatile int signal;
    private volatile Path cache;

    private ExitGuard() {
    }

    static ExitGuard install() {
        ExitGuard guard = new ExitGuard();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    guard.signal = s.getNumber();
                    System.exit(128 + s.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // the JVM keeps its own handler (exit 128 + signal), which the hook also turns into a non-zero code
            }
        }
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(guard::onShutdown, "etw-exit-guard"));
        return guard;
    }

    /** The command has its exit code: from now on, exiting is expected. */
    void finished() {
        finished = true;
    }

    /** A folder to delete if the command is cut short (its framework cache). */
    void cleanUp(Path folder) {
        this.cache = folder;
    }

    private void onShutdown() {
        if (finished) return;
        int code;
        if (signal != 0) {
            code = 128 + signal;
            System.err.println("etw: stopped by " + (signal == 2 ? "Ctrl-C (SIGINT)" : "SIGTERM") + " before the command finished");
        } else {
            code = Main.EXIT_UNFINISHED;
            String caller = exitCaller();
            System.err.println("etw: the command was stopped before it finished"
                    + (caller == null ? "" : " (" + caller + " called System.exit)") + "; nothing it did can be trusted");
        }
        System.err.flush();
        Caches.release(cache);
        java.lang.Runtime.getRuntime().halt(code);
    }

    /** The class that called {@code System.exit}, found on the stack of the thread that is exiting. */
    private static String exitCaller() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = e.getValue();
            for (int i = 0; i < stack.length - 1; i++) {
                if (stack[i].getClassName().equals("java.lang.Runtime") && stack[i].getMethodName().equals("exit")) {
                    for (int j = i + 1; j < stack.length; j++) {
                        String c = stack[j].getClassName();
                        if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) return c;
                    }
                }
            }
        }
        return null;
    }
}
