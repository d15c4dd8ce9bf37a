package etw.itests;

import static etw.itests.FeatureBundles.feature;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import etw.api.Model;
import etw.api.scenario.CannedScenario;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.api.scenario.ScenarioLibrary;
import etw.engine.InstalledModel;
import etw.engine.ModelCatalog;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;

/** Boots the real bundle set in Felix, waits for the four model services and runs the canned baseline. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BaselineInFelixIT {
    private static final Set<String> FAMILIES = Set.of("etw.models.electrification", "etw.models.renewables",
            "etw.models.datacenter", "etw.models.decarbonisation");

    @Inject
    private BundleContext context;

    @Inject
    private ModelCatalog catalog;

    @Inject
    private ScenarioLibrary library;

    @Configuration
    public Option[] config() {
        return options(frameworkProperty("felix.log.level").value("1"), cleanCaches(),
                feature("core"), feature("models"), feature("teaching"), junitBundles());
    }

    private void awaitModelServices() throws InterruptedException {
        ServiceTracker<Model, Model> models = new ServiceTracker<>(context, Model.class, null);
        models.open();
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (models.size() < FAMILIES.size() && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertTrue("model services registered: " + models.size(), models.size() >= FAMILIES.size());
        } finally {
            models.close();
        }
    }

    @Test
    public void runsInsideOsgi() {
        assertNotNull("the test runs inside the framework", FrameworkUtil.getBundle(getClass()));
        assertNotNull(FrameworkUtil.getBundle(ModelCatalog.class));
    }

    @Test
    public void catalogSeesTheFourFamiliesWithTheirBundles() throws Exception {
        awaitModelServices();
        List<InstalledModel> models = catalog.models();
        assertTrue(models.stream().map(InstalledModel::id).collect(Collectors.toSet()).containsAll(FAMILIES));
        for (InstalledModel m : models)
            assertTrue("model id " + m.id() + " starts with its bundle's symbolic name", m.id().startsWith(m.bundle()));
    }

    @Test
    public void runsBaselineAndTheDemandReachesTheGridThroughTheGraph() throws Exception {
        awaitModelServices();
        CannedScenario canned = library.scenarios().stream().filter(c -> c.name().equals("baseline")).findFirst().orElseThrow();
        String text;
        try (InputStream in = canned.location().openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Scenario scenario = ScenarioParser.parse(text, "baseline.yaml");
        Wiring wiring = Wiring.wire(scenario, catalog.models());
        Result r = wiring.run();

        assertEquals(2024, r.firstYear());
        assertTrue(r.lastYear() >= 2050);
        // base year: data centres 415 TWh (IEA Energy and AI 2025), generation ~30,830 TWh and emissions
        // ~14.6 Gt (Ember Global Electricity Review 2025)
        // World is the sum of the calibrated regions: within the 2% calibration bar
        assertEquals(415.0, r.value("Final Energy|Electricity|Data Centers", "World", 2024), 0.02 * 415);
        assertEquals(30_830, r.value("Secondary Energy|Electricity", "World", 2024), 0.02 * 30_830);
        assertEquals(14_600, r.value("Emissions|CO2|Energy|Supply|Electricity", "World", 2024), 0.02 * 14_600);
        // the grid's demand is the sum of every demand variable the other models write
        double demand = r.value("Final Energy|Electricity", "World", 2050);
        double sum = 0;
        for (String child : List.of("Transportation", "Residential and Commercial", "Industry", "Other", "Data Centers"))
            sum += r.value("Final Energy|Electricity|" + child, "World", 2050);
        assertEquals(sum, demand, 1e-6 * sum);
        // generation in each region: its demand plus a constant share of grid losses (the region's loss_factor, fitted
        // to its 2024 figures), less what no source supplied, plus what storage lost; World's is the regions' sum
        double worldGeneration = 0;
        for (String region : scenario.regions()) {
            if (region.equals("World")) continue;
            double loss2024 = gridLossShare(r, region, 2024);
            assertTrue(region + " loses a plausible share on the grid: " + loss2024, loss2024 > 0 && loss2024 < 0.3);
            assertEquals(region + ": the loss share is the region's own, every year", loss2024, gridLossShare(r, region, 2050), 1e-6);
            worldGeneration += r.value("Secondary Energy|Electricity", region, 2050);
        }
        assertEquals(worldGeneration, r.value("Secondary Energy|Electricity", "World", 2050), 1e-9 * worldGeneration);
        assertTrue("demand grows", demand > r.value("Final Energy|Electricity", "World", 2024));
        assertEquals(4, r.manifest().bundles().size());
    }

    /** Generation less storage losses plus unmet demand, over final demand, minus 1: the share lost on the grid. */
    private static double gridLossShare(Result r, String region, int year) {
        double delivered = r.value("Secondary Energy|Electricity", region, year) - r.value("Storage|Electricity|Losses", region, year)
                + r.value("Secondary Energy|Electricity|Unmet Demand", region, year);
        return delivered / r.value("Final Energy|Electricity", region, year) - 1;
    }
}
