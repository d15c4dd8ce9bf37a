package etw.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Soft ranges and headlines are declared on a model's own outputs, with a source, and kept in order. */
class SoftRangeTest {
    @Test
    void rangesAndHeadlinesAreKeptOnTheDescriptor() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("etw.test", "Test");
        Output dc = b.output("Final Energy|Electricity|Data Centers", "TWh/yr", "data centres");
        Output solar = b.output("Secondary Energy|Electricity|Solar", "TWh/yr", "solar");
        b.softRange(SoftRange.share(dc, "Final Energy|Electricity", 0.15, "assumption: test"));
        b.softRange(SoftRange.growth(dc, 0.3, 5, "assumption: test"));
        b.softRange(SoftRange.ratio(solar, "Capacity|Electricity|Solar", 1 / 8.76, 0.05, 0.35, "capacity factor", "IRENA"));
        b.headline(dc).headline(dc);
        ModelDescriptor d = b.build();
        assertEquals(3, d.softRanges().size());
        assertEquals(SoftRange.Kind.RATIO, d.softRanges().get(0).kind());
        assertEquals("Final Energy|Electricity", d.softRanges().get(0).per());
        assertEquals(5, d.softRanges().get(1).years());
        assertEquals(0.3, d.softRanges().get(1).max());
        assertEquals(List.of("Final Energy|Electricity|Data Centers"), d.headlines());
        assertTrue(d.softRanges().get(1).toString().contains("30%/yr over 5 years"), d.softRanges().get(1).toString());
    }

    @Test
    void foreignOutputsMissingSourcesAndEmptyRangesAreRefused() {
        ModelDescriptor.Builder other = ModelDescriptor.builder("etw.other", "Other");
        Output foreign = other.output("X", "1", "x");
        ModelDescriptor.Builder b = ModelDescriptor.builder("etw.test", "Test");
        b.output("Y", "1", "y");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.softRange(SoftRange.level(foreign, 0, 1, "assumption: test")));
        assertTrue(e.getMessage().contains("not one of its outputs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.headline(foreign));
        assertThrows(IllegalArgumentException.class, () -> SoftRange.level(foreign, 0, 1, " "));
        assertThrows(IllegalArgumentException.class, () -> SoftRange.level(foreign, 2, 1, "assumption: test"));
        assertThrows(IllegalArgumentException.class, () -> SoftRange.growth(foreign, 0.3, 0, "assumption: test"));
    }
}
