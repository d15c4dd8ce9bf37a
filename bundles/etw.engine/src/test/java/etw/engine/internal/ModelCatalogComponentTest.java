package etw.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.StepContext;

class ModelCatalogComponentTest {
    private static Model declaring(ModelDescriptor d) {
        return new Model() {
            @Override
            public ModelDescriptor descriptor() {
                if (d == null) throw new IllegalStateException("broken on purpose");
                return d;
            }

            @Override
            public void step(StepContext ctx) {
            }
        };
    }

    @Test
    void aValidDeclarationPasses() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("ok", "ok");
        b.output("V", "TWh/yr", "");
        assertNull(ModelCatalogComponent.invalidDeclaration(declaring(b.build())));
    }

    @Test
    void anUnknownUnitOrAFailingDescriptorIsNamed() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("odd", "odd");
        b.output("V", "furlongs", "");
        assertEquals("model odd: unknown unit 'furlongs' in 'furlongs' (known: %, 1, CO2, J, USD, W, Wh, billion, g, h, m, "
                + "million, t, thousand, vehicle, vehicles, yr, with prefixes k M G T P E)",
                ModelCatalogComponent.invalidDeclaration(declaring(b.build())));
        String m = ModelCatalogComponent.invalidDeclaration(declaring(null));
        assertEquals(true, m.endsWith("its descriptor() failed: java.lang.IllegalStateException: broken on purpose"), m);
    }
}
