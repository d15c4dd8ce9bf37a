package etw.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Constants;

/**
 * What keeps a jar in {@code plugins/} from being installed, before the framework sees it: not a readable jar, not
 * an OSGi bundle, or code that would stop the whole application ({@code System.exit}, {@code Runtime.exit},
 * {@code Runtime.halt}), found by reading every class of the jar (and of jars inside it) with ASM.
 */
final class PluginCheck {
    private PluginCheck() {
    }

    /** Why the jar must not be installed, or null if it may be. */
    static String refusal(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            Manifest m = f.getManifest();
            if (m == null || m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null)
                return "is not an OSGi bundle (its manifest has no Bundle-SymbolicName); build it with bnd, as docs/plugin-guide.md shows";
            List<String> exits = new ArrayList<>();
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements() && exits.size() < 3;) {
                JarEntry entry = e.nextElement();
                if (entry.isDirectory()) continue;
                try (InputStream in = f.getInputStream(entry)) {
                    scanEntry(entry.getName(), in, exits, 0);
                }
            }
            if (!exits.isEmpty())
                return "refused: it would stop the whole application (" + String.join(", ", exits)
                        + "); a plugin must throw an exception instead of exiting";
            return null;
        } catch (IOException | SecurityException e) {
            return "is not a readable jar (" + e.getMessage() + ")";
        } catch (RuntimeException e) {
            // ASM rejects class files it cannot read, e.g. from a newer Java than it knows
            return "refused: its classes cannot be checked (" + e + ")";
        }
    }

    private static void scanEntry(String name, InputStream in, List<String> exits, int depth) throws IOException {
        if (name.endsWith(".class")) {
            scanClass(in.readAllBytes(), exits);
        } else if (name.endsWith(".jar") && depth < 2) { // a library embedded on the Bundle-ClassPath
            byte[] bytes = in.readAllBytes();
            try (JarInputStream inner = new JarInputStream(new ByteArrayInputStream(bytes))) {
                for (JarEntry e = inner.getNextJarEntry(); e != null && exits.size() < 3; e = inner.getNextJarEntry())
                    if (!e.isDirectory()) scanEntry(e.getName(), inner, exits, depth + 1);
            }
        }
    }

    private static void scanClass(byte[] bytes, List<String> exits) {
        ClassReader reader = new ClassReader(bytes);
        String className = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                        String call = exitCall(owner, name);
                        if (call != null && exits.size() < 3) exits.add(call + " in " + className + "." + method);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private static String exitCall(String owner, String name) {
        if (owner.equals("java/lang/System") && name.equals("exit")) return "System.exit";
        if (owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt"))) return "Runtime." + name;
        return null;
    }
}
