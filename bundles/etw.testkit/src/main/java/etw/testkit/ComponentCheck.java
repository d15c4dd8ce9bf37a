package etw.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a model class is a Declarative Services component, so that the workbench registers it. DS's
 * {@code @Component} is retained in the class file only (not at run time), so this reads the class file's
 * constant pool, which holds the annotation's type descriptor when the class carries it; and it looks for the
 * component XML that bnd writes from the annotation at build time ({@code OSGI-INF/<class>.xml}, in
 * {@code target/classes} once {@code bnd-maven-plugin} has run).
 */
final class ComponentCheck {
    static final String ANNOTATION = "Lorg/osgi/service/component/annotations/Component;";

    /** What was found: the annotation in the class file, and bnd's component XML beside the classes. */
    record Found(boolean annotation, boolean xml, boolean classFileRead) {
    }

    private ComponentCheck() {
    }

    static Found of(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader();
        boolean xml = loader != null && loader.getResource("OSGI-INF/" + type.getName() + ".xml") != null;
        URL url = loader == null ? null : loader.getResource(resource);
        if (url == null) return new Found(false, xml, false);
        try (InputStream in = url.openStream()) {
            return new Found(utf8Constants(in).contains(ANNOTATION), xml, true);
        } catch (IOException | RuntimeException e) {
            return new Found(false, xml, false);
        }
    }

    /** The UTF-8 entries of a class file's constant pool (JVMS 4.4). */
    static Set<String> utf8Constants(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        Set<String> strings = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> {
                    byte[] bytes = new byte[in.readUnsignedShort()];
                    in.readFully(bytes);
                    strings.add(new String(bytes, StandardCharsets.UTF_8)); // modified UTF-8; fine for descriptors
                }
                case 3, 4 -> in.skipNBytes(4);             // Integer, Float
                case 5, 6 -> {                               // Long, Double take two slots
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // refs, NameAndType, Dynamic, InvokeDynamic
                case 15 -> in.skipNBytes(3);               // MethodHandle
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings;
    }
}
