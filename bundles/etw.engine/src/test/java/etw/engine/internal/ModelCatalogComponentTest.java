package etw.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
        String problem = ModelCatalogComponent.invalidDeclaration(declaring(b.build()));
        assertTrue(problem.startsWith("model odd: unknown unit 'furlongs'"), problem);
        String m = ModelCatalogComponent.invalidDeclaration(declaring(null));
        assertEquals(true, m.endsWith("its descriptor() failed: java.lang.IllegalStateException: broken on purpose"), m);
    }
}
