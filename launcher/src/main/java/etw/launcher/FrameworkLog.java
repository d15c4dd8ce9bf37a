package etw.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerConsumer;

/**
 * Where the framework, Declarative Services and FileInstall log: one file ({@link #file()}), never the command's
 * standard error. A problem a user must act on (a component that fails to activate) becomes one line on the
 * console naming the plugin, with "details in" the file; its stack trace goes only to the file.
 * <p>
 * It is the framework's logger ({@code felix.log.logger}), an OSGi {@code LoggerFactory}/{@code LogService}
 * registered by the system bundle (SCR and FileInstall find it there), and it hands component failures to a
 * listener so the launcher can list them with the plugin problems.
 */
final class FrameworkLog implements LogService {
    private static final long ROTATE_BYTES = 4L << 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** SCR prefixes its messages with "bundle NAME:VERSION (ID)[COMPONENT(ID)] : ". */
    private static final Pattern SCR_PREFIX = Pattern.compile("^bundle \\S+ \\(\\d+\\)\\[([^\\]]*?)(?:\\(\\d+\\))?\\] : ");

    private final Path file;
    private final PrintStream console;
    private final long pid = ProcessHandle.current().pid();
    private final Set<String> shown = ConcurrentHashMap.newKeySet();
    private volatile BiConsumer<Bundle, String> componentProblems = (b, p) -> { };
    /** Turns a bundle into the name the user knows it by ("plugin acme.jar" or "bundle etw.engine"). */
    private volatile java.util.function.Function<Bundle, String> describe = b -> "bundle " + b.getSymbolicName();
    private volatile java.util.function.BiConsumer<String, Throwable> fileInstallProblems = (m, t) -> { };

    FrameworkLog(Path file, PrintStream console) {
        this.file = file;
        this.console = console;
        try {
            Files.createDirectories(file.getParent());
            if (Files.size(file) > ROTATE_BYTES)
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // no file yet, or another process rotated it first
        }
    }

    Path file() {
        return file;
    }

    void onComponentProblem(BiConsumer<Bundle, String> listener) {
        this.componentProblems = listener;
    }

    void describeBundlesWith(java.util.function.Function<Bundle, String> describe) {
        this.describe = describe;
    }

    void onFileInstallProblem(java.util.function.BiConsumer<String, Throwable> listener) {
        this.fileInstallProblems = listener;
    }

    /** Appends one entry (and the stack trace, if any) to the log file. */
    void write(String level, String source, String message, Throwable t) {
        StringBuilder s = new StringBuilder();
        s.append(OffsetDateTime.now(ZoneOffset.UTC).format(TIME)).append(" [").append(pid).append("] ")
                .append(level).append(' ').append(source).append(": ").append(message).append('\n');
        if (t != null) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            s.append(w);
        }
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is for details; a user still gets the one-line summary
        }
    }

    /** Prints one line for the user, once per distinct text. */
    void tell(String line) {
        if (shown.add(line)) console.println("etw: " + line + "; details in " + file);
    }

    /** The framework's own logger, set as {@code felix.log.logger}. */
    org.apache.felix.framework.Logger felixLogger() {
        return new org.apache.felix.framework.Logger() {
            @Override
            protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
                write(levelName(level), bundle == null ? "felix" : "felix " + bundle.getSymbolicName(), msg, throwable);
            }
        };
    }

    private static String levelName(int level) {
        return switch (level) {
            case LOG_ERROR -> "ERROR";
            case LOG_WARNING -> "WARN";
            case LOG_INFO -> "INFO";
            default -> "DEBUG";
        };
    }

    /** The innermost cause's message: the one the plugin author wrote. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root instanceof InvocationTargetException ite && ite.getTargetException() != null) root = ite.getTargetException();
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip().lines().findFirst().orElse(""));
    }

    /** A log entry from SCR about a bundle's component: to the file, and a failure to the user and the problems. */
    private void scr(Bundle bundle, String level, String message, Throwable t) {
        write(level, "scr " + (bundle == null ? "" : bundle.getSymbolicName()), message, t);
        if (!"ERROR".equals(level) || bundle == null || bundle.getBundleId() == 0) return;
        Matcher m = SCR_PREFIX.matcher(message);
        String component = m.find() ? m.group(1) : null;
        String text = m.find(0) ? message.substring(m.end()) : message;
        String problem;
        if (component == null) problem = text + (t == null ? "" : ": " + rootMessage(t));
        else if (t != null && (text.contains("instantiat") || text.contains("activat") || text.contains("constructor")))
            problem = "component " + component + " failed to activate: " + rootMessage(t);
        else problem = "component " + component + ": " + text + (t == null ? "" : ": " + rootMessage(t));
        // the user's line first: whoever waits on the problem list may read the console next
        tell(describe.apply(bundle) + ": " + problem);
        componentProblems.accept(bundle, problem);
    }

    // ---- LogService: FileInstall and anything else that logs through the OSGi log ----

    @Override
    public void log(int level, String message) {
        log(null, level, message, null);
    }

    @Override
    public void log(int level, String message, Throwable exception) {
        log(null, level, message, exception);
    }

    @Override
    public void log(ServiceReference<?> sr, int level, String message) {
        log(sr, level, message, null);
    }

    @Override
    public void log(ServiceReference<?> sr, int level, String message, Throwable exception) {
        write(levelName(level), sr == null ? "osgi" : "osgi " + sr.getBundle().getSymbolicName(), message, exception);
        if (level <= LOG_WARNING && message != null) fileInstallProblems.accept(message, exception);
    }

    // ---- LoggerFactory: Declarative Services (SCR) asks for a logger per bundle ----

    @Override
    public Logger getLogger(String name) {
        return getLogger(null, name, Logger.class);
    }

    @Override
    public Logger getLogger(Class<?> clazz) {
        return getLogger(null, clazz.getName(), Logger.class);
    }

    @Override
    public <L extends Logger> L getLogger(String name, Class<L> loggerType) {
        return getLogger(null, name, loggerType);
    }

    @Override
    public <L extends Logger> L getLogger(Class<?> clazz, Class<L> loggerType) {
        return getLogger(null, clazz.getName(), loggerType);
    }

    @Override
    public <L extends Logger> L getLogger(Bundle bundle, String name, Class<L> loggerType) {
        return loggerType.cast(new BundleLogger(bundle, name));
    }

    /** Formats "{}" placeholders; a last argument that is a Throwable is the exception. */
    private void log(Bundle bundle, String level, String format, Object... args) {
        Throwable t = args.length > 0 && args[args.length - 1] instanceof Throwable th ? th : null;
        StringBuilder text = new StringBuilder();
        int from = 0;
        int arg = 0;
        int limit = args.length - (t == null ? 0 : 1);
        for (int i = format.indexOf("{}"); i >= 0 && arg < limit; i = format.indexOf("{}", from)) {
            text.append(format, from, i).append(args[arg++]);
            from = i + 2;
        }
        text.append(format.substring(from));
        scr(bundle, level, text.toString(), t);
    }

    /** A logger of one bundle: warnings and errors are written, info, debug and trace are off. */
    private final class BundleLogger implements Logger {
        private final Bundle bundle;
        private final String name;

        BundleLogger(Bundle bundle, String name) {
            this.bundle = bundle;
            this.name = name;
        }

        @Override public String getName() { return name; }
        @Override public boolean isTraceEnabled() { return false; }
        @Override public void trace(String m) { }
        @Override public void trace(String f, Object a) { }
        @Override public void trace(String f, Object a, Object b) { }
        @Override public void trace(String f, Object... a) { }
        @Override public <E extends Exception> void trace(LoggerConsumer<E> c) { }
        @Override public boolean isDebugEnabled() { return false; }
        @Override public void debug(String m) { }
        @Override public void debug(String f, Object a) { }
        @Override public void debug(String f, Object a, Object b) { }
        @Override public void debug(String f, Object... a) { }
        @Override public <E extends Exception> void debug(LoggerConsumer<E> c) { }
        @Override public boolean isInfoEnabled() { return false; }
        @Override public void info(String m) { }
        @Override public void info(String f, Object a) { }
        @Override public void info(String f, Object a, Object b) { }
        @Override public void info(String f, Object... a) { }
        @Override public <E extends Exception> void info(LoggerConsumer<E> c) { }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(String m) { log(bundle, "WARN", m); }
        @Override public void warn(String f, Object a) { log(bundle, "WARN", f, a); }
        @Override public void warn(String f, Object a, Object b) { log(bundle, "WARN", f, a, b); }
        @Override public void warn(String f, Object... a) { log(bundle, "WARN", f, a); }
        @Override public <E extends Exception> void warn(LoggerConsumer<E> c) throws E { c.accept(this); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(String m) { log(bundle, "ERROR", m); }
        @Override public void error(String f, Object a) { log(bundle, "ERROR", f, a); }
        @Override public void error(String f, Object a, Object b) { log(bundle, "ERROR", f, a, b); }
        @Override public void error(String f, Object... a) { log(bundle, "ERROR", f, a); }
        @Override public <E extends Exception> void error(LoggerConsumer<E> c) throws E { c.accept(this); }
        @Override public void audit(String m) { log(bundle, "AUDIT", m); }
        @Override public void audit(String f, Object a) { log(bundle, "AUDIT", f, a); }
        @Override public void audit(String f, Object a, Object b) { log(bundle, "AUDIT", f, a, b); }
        @Override public void audit(String f, Object... a) { log(bundle, "AUDIT", f, a); }
    }
}
