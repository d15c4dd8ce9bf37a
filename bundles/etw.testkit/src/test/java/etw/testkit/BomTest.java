package etw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * etw.bom has no parent (an imported BOM would bring its parent's whole dependencyManagement along), so its
 * versions are written out: they must stay those of the root pom, which builds and tests the workbench.
 */
class BomTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    void theBomPinsTheVersionsTheWorkbenchIsBuiltWith() throws Exception {
        Document root = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("bundles/etw.bom/pom.xml"));
        assertEquals(child(root.getDocumentElement(), "version"), child(bom.getDocumentElement(), "version"),
                "etw.bom's <version> is the workbench's");
        Element rootProps = first(root.getDocumentElement(), "properties");
        Element bomProps = first(bom.getDocumentElement(), "properties");
        for (String p : List.of("osgi.annotation.version", "osgi.component.version", "junit.version"))
            assertEquals(child(rootProps, p), child(bomProps, p), p + " in etw.bom and the root pom");
    }

    @Test
    void everyWorkbenchArtifactInTheBomIsAModule() throws Exception {
        Document root = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("bundles/etw.bom/pom.xml"));
        List<String> modules = texts(root.getDocumentElement().getElementsByTagName("module"));
        assertTrue(modules.contains("bundles/etw.bom"), "etw.bom is built and installed with the workbench");
        NodeList deps = bom.getDocumentElement().getElementsByTagName("dependency");
        int ours = 0;
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (!child(d, "groupId").equals("io.github.etw")) continue;
            ours++;
            String artifact = child(d, "artifactId");
            assertTrue(modules.contains("bundles/" + artifact), artifact + " is a module of the workbench");
            assertEquals("${etw.version}", child(d, "version"), artifact);
        }
        assertTrue(ours >= 2, "etw.api and etw.testkit at least");
    }

    private static Document read(Path pom) throws Exception {
        assertTrue(Files.exists(pom), pom + " (tests run in bundles/etw.testkit)");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Element first(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling())
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String child(Element parent, String name) {
        return first(parent, name).getTextContent().trim();
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent().trim());
        return out;
    }
}
