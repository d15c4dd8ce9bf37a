package etw.scenarios.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;

/**
 * The canned baseline, run with the real models and engine (no OSGi), reproduces the published 2024 figures of
 * DOMAIN.md ("Published figures for calibration") within 2% wherever a figure exists for a region, its five
 * regions add up to World, and every output stays finite and non-negative.
 *
 * <p>Shares of generation (wind 8.1%, hydro 14.3%, ...) are compared within 2% <em>relative</em> to the share
 * (8.1% +- 0.162 percentage points), not within 2 percentage points.
 */
class BaselineCalibrationTest {
    private static final int BASE_YEAR = 2024;
    private static final double TOLERANCE = 0.02;
    private static final double SUM_TOLERANCE = 0.05;

    private static final String WORLD = "World";
    private static final String US = "United States";
    private static final String CHINA = "China";
    private static final String EUROPE = "Europe";
    private static final String APAC = "Asia-Pacific excluding China";
    private static final String ROW = "Rest of World";
    private static final List<String> FIVE = List.of(US, CHINA, EUROPE, APAC, ROW);

    /** The model families the baseline calibrates; their outputs are quantities that cannot be negative. */
    private static final Set<String> FAMILIES = Set.of("etw.models.electrification", "etw.models.renewables",
            "etw.models.datacenter", "etw.models.decarbonisation");

    private static final String EMBER = "Ember, Global Electricity Review 2025";
    private static final String IEA_AI = "IEA, Energy and AI (2025)";
    private static final String IEA_EV = "IEA, Global EV Outlook 2025";
    private static final String IRENA = "IRENA, Renewable Capacity Statistics 2025";

    private static final String GENERATION = "Secondary Energy|Electricity";
    private static final String DATA_CENTRES = "Final Energy|Electricity|Data Centers";

    /** Extensive quantities: the five regions must add up to World. */
    private static final List<String> EXTENSIVE = List.of(
            "Final Energy|Electricity",
            "Final Energy|Electricity|Transportation",
            "Final Energy|Electricity|Residential and Commercial",
            "Final Energy|Electricity|Industry",
            "Final Energy|Electricity|Other",
            DATA_CENTRES,
            DATA_CENTRES + "|AI",
            DATA_CENTRES + "|Conventional",
            "Capacity|Electricity|Solar",
            "Capacity|Electricity|Wind",
            "Capacity Additions|Electricity|Solar",
            "Capacity Additions|Electricity|Wind",
            GENERATION,
            GENERATION + "|Solar",
            GENERATION + "|Wind",
            GENERATION + "|Hydro",
            GENERATION + "|Nuclear",
            GENERATION + "|Other",
            GENERATION + "|Coal",
            GENERATION + "|Gas",
            "Emissions|CO2|Energy|Supply|Electricity",
            "Stock|Transportation|LDV|EV",
            "Sales|Transportation|LDV|EV");

    /**
     * Quantities that the models compute from the regional parameters without feedback or thresholds, so the
     * regions' trajectories (e.g. hydro and nuclear to 2050) must keep adding up to World in every year. Others
     * (fossil split, EVs, solar and wind after the base year) depend non-linearly on each region's own state
     * (an S-curve per region, fossil = max(0, demand - clean supply), additions pushed by the region's fossil share)
     * and are compared in the base year only.
     */
    private static final List<String> LINEAR = List.of(
            "Final Energy|Electricity|Residential and Commercial",
            "Final Energy|Electricity|Industry",
            "Final Energy|Electricity|Other",
            DATA_CENTRES,
            DATA_CENTRES + "|AI",
            DATA_CENTRES + "|Conventional",
            GENERATION + "|Hydro",
            GENERATION + "|Nuclear",
            GENERATION + "|Other");

    private static String text;
    private static List<InstalledModel> models;
    private static Result result;

    @BeforeAll
    static void runBaseline() throws Exception {
        models = ServiceLoader.load(Model.class).stream().map(p -> InstalledModel.onClasspath(p.get())).toList();
        assertTrue(models.stream().map(InstalledModel::id).toList().containsAll(FAMILIES),
                "the four model families are on the test class path: " + models);
        try (InputStream in = BaselineCalibrationTest.class.getResourceAsStream("/scenarios/baseline.yaml")) {
            assertNotNull(in, "scenarios/baseline.yaml on the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        result = run(text);
    }

    private static Result run(String scenarioText) throws Exception {
        Scenario scenario = ScenarioParser.parse(scenarioText, "baseline.yaml");
        return Wiring.wire(scenario, models).run();
    }

    private static double v(String variable, String region) {
        return result.value(variable, region, BASE_YEAR);
    }

    private static void assertWithin2Percent(String figure, String source, double published, double model) {
        double error = (model - published) / published;
        assertTrue(Math.abs(error) <= TOLERANCE, String.format(
                "%s: published %,.4g (%s), model %,.4g, off by %+.2f%% (allowed +-2%%)",
                figure, published, source, model, 100 * error));
    }

    @Test
    void startsInTheBaseYearWithWorldAndFiveRegions() {
        assertEquals(BASE_YEAR, result.firstYear());
        assertEquals(2100, result.lastYear());
        assertEquals(List.of(WORLD, US, CHINA, EUROPE, APAC, ROW), result.regions());
    }

    @Test
    void dataCentreElectricity2024WorldAndRegions() {
        assertWithin2Percent("World data-centre electricity 2024 [TWh]", IEA_AI, 415, v(DATA_CENTRES, WORLD));
        assertWithin2Percent("United States data-centre electricity 2024 [TWh]", IEA_AI, 183, v(DATA_CENTRES, US));
        assertWithin2Percent("China data-centre electricity 2024 [TWh]", IEA_AI, 102, v(DATA_CENTRES, CHINA));
        assertWithin2Percent("Europe data-centre electricity 2024 [TWh]", IEA_AI, 68, v(DATA_CENTRES, EUROPE));
        assertWithin2Percent("Asia-Pacific excl. China data-centre electricity 2024 [TWh]", IEA_AI, 48,
                v(DATA_CENTRES, APAC));
        assertWithin2Percent("Rest of world data-centre electricity 2024 [TWh]", IEA_AI, 15, v(DATA_CENTRES, ROW));
    }

    /**
     * Issue 11: the United States, China and Europe differ in data-centre growth, PUE and AI share (baseline.yaml,
     * each value with its source or labelled an assumption), and each reaches IEA Energy and AI's 2030 Base Case
     * (United States 426 TWh, China 277, Europe 113; baseline.yaml [IEA-DC30]) within 2%, to which its growth is
     * calibrated given its PUE path and AI share.
     */
    @Test
    void dataCentresDifferByRegionAndReachIeas2030BaseCase() throws Exception {
        record Figure(String region, double twh2030, double pue2024, double aiShare2024) {
        }
        // PUE 2024: LBNL 2024 US report (about 1.4), China's 2025 target ceiling (1.5), EU EED reporting (1.36);
        // AI shares: assumptions in baseline.yaml
        List<Figure> figures = List.of(new Figure(US, 426, 1.40, 0.20), new Figure(CHINA, 277, 1.50, 0.15),
                new Figure(EUROPE, 113, 1.36, 0.08));
        var dc = ScenarioParser.parse(text, "baseline.yaml").parameters().get("etw.models.datacenter");
        for (Figure f : figures) {
            assertWithin2Percent(f.region + " data-centre electricity 2030 [TWh]", IEA_AI + ", Base Case", f.twh2030,
                    result.value(DATA_CENTRES, f.region, 2030));
            double ai = v(DATA_CENTRES + "|AI", f.region) / v(DATA_CENTRES, f.region);
            assertEquals(f.aiShare2024, ai, 0.005, f.region + " AI share of the 2024 data-centre load");
            double pue = dc.get("pue").forRegion(f.region).valueAt(BASE_YEAR);
            assertEquals(f.pue2024, pue, 1e-9, f.region + " PUE in 2024");
            assertEquals(pue, dc.get("pue_base").forRegion(f.region).valueAt(BASE_YEAR), 1e-9,
                    f.region + ": pue_base is the 2024 PUE, so 2024 stays at IEA's figure");
            assertTrue(dc.get("pue").forRegion(f.region).valueAt(2050) < pue, f.region + ": PUE improves by 2050");
        }
        // the AI share differs, so the regions' growth differs after 2030 too: the United States (largest AI share)
        // grows faster from 2030 to 2050 than Europe (smallest)
        double us = result.value(DATA_CENTRES, US, 2050) / result.value(DATA_CENTRES, US, 2030);
        double europe = result.value(DATA_CENTRES, EUROPE, 2050) / result.value(DATA_CENTRES, EUROPE, 2030);
        assertTrue(us > europe, "United States 2030-2050 growth x" + us + " above Europe's x" + europe);
    }

    /**
     * Every region, not only World (issue 11): 2024 generation, electric-car stock and data-centre electricity
     * within 2% of the figures baseline.yaml derives for it from published data: generation [EMBER24] for the United
     * States and China (Ember's 2024 data via Our World in Data), [EMBER24R] for Europe (Ember's Europe less Russia)
     * and Asia-Pacific excl. China (Ember's Asia and Oceania less China), what World leaves for Rest of World,
     * electric cars [IEA-EV] (IEA Global EV
     * Data Explorer 2024, 2023 stock scaled by the World change to 2024, 58/40, GEVO 2025), data centres [IEA-DC].
     */
    @Test
    void everyRegionIsCalibratedIn2024() {
        record Figure(String region, double generation, double evCars, double dataCentres) {
        }
        List<Figure> figures = List.of(
                new Figure(US, 4_391, 6.96, 183),
                new Figure(CHINA, 10_087, 31.61, 102),
                new Figure(EUROPE, 3_884.3, 16.24, 68),
                new Figure(APAC, 6_370.6, 2.16, 48),
                new Figure(ROW, 6_097.2, 1.03, 15));
        for (Figure f : figures) {
            assertWithin2Percent(f.region + " generation 2024 [TWh]", "baseline.yaml [EMBER24], [EMBER24R] and " + EMBER,
                    f.generation, v(GENERATION, f.region));
            assertWithin2Percent(f.region + " electric-car stock 2024 [million]", "baseline.yaml [IEA-EV], " + IEA_EV,
                    f.evCars, v("Stock|Transportation|LDV|EV", f.region));
            assertWithin2Percent(f.region + " data-centre electricity 2024 [TWh]", IEA_AI, f.dataCentres, v(DATA_CENTRES, f.region));
        }
        assertEquals(FIVE.size(), figures.size(), "a figure for every region");
    }

    /**
     * The supply side of every region in 2024: generation by source (solar, wind, hydro, nuclear, coal, gas, and
     * bioenergy + oil + other), solar and wind capacity and carbon intensity within 2% of the figure baseline.yaml
     * names for it. United States and China: published figures, Ember's 2024 data as published in Our World in
     * Data's energy dataset ([EMBER24], CC BY 4.0) and national capacity statistics ([CAP24]: NEA for China; SEIA
     * and EIA for the United States). Europe and Asia-Pacific excl. China: Ember's 2024 regional aggregates in the
     * same dataset ([EMBER24R]: Europe (Ember) less Russia; Asia (Ember) plus Oceania (Ember) less China), and
     * Europe's wind capacity from WindEurope ([CAP24E]). Rest of World: what Ember's World 2024 figures leave after
     * the other four regions (generation by source). Capacities without a published regional figure that fits
     * IRENA's World total (Europe's and Asia-Pacific's solar, Asia-Pacific's wind, Rest of World's) are estimates
     * and checked only through the World sum.
     */
    @Test
    void everyRegionsSupplyIsCalibratedIn2024() {
        record Supply(String region, String source, double solar, double wind, double hydro, double nuclear,
                      double coal, double gas, double other, double solarGw, double windGw, double intensity) {
        }
        String ember24 = "Ember 2024 via OWID energy-data [EMBER24]";
        List<Supply> figures = List.of(
                new Supply(US, ember24 + ", SEIA and EIA [CAP24]", 303.75, 451.90, 237.04, 781.86, 652.16, 1_869.90,
                        63.94 + 30.47, 219, 152, 383.78),
                new Supply(CHINA, ember24 + ", NEA [CAP24]", 839.04, 997.04, 1_354.25, 450.85, 5_827.60, 320.72,
                        208.50 + 88.88, 887, 521, 555.40),
                // Europe (Ember) 2024 less Russia: solar 364.91 - 2.92, wind 633.55 - 4.57, hydro 899.01 - 210.54,
                // nuclear 998.56 - 215.71, coal 671.30 - 215.17, gas 1,172.70 - 545.78, bioenergy + other renewables
                // + oil (232.99 + 120.58) - (0.83 + 13.79); carbon intensity (5,093.6 x 283.55 - 1,209.31 x 445.98)
                // / 3,884.29
                new Supply(EUROPE, "Ember 2024 via OWID energy-data [EMBER24R], WindEurope [CAP24E]", 361.99, 628.98,
                        688.47, 782.85, 456.13, 626.92, 338.95, Double.NaN, 285, 232.98),
                // Asia (Ember) + Oceania (Ember) - China, 2024: solar 1,196.86 + 51.19 - 839.04, wind 1,135.45 + 37.10
                // - 997.04, hydro 1,976.39 + 38.67 - 1,354.25, nuclear 816.90 - 450.85, coal 8,734.48 + 129.67
                // - 5,827.60, gas 1,708.15 + 54.32 - 320.72, other (370.17 + 181.11) + (12.94 + 14.07) - (208.50
                // + 88.88); carbon intensity (16,119.51 x 569.52 + 337.96 x 494.85 - 10,086.88 x 555.40) / 6,370.59
                new Supply(APAC, "Ember 2024 via OWID energy-data [EMBER24R]", 409.01, 175.51, 660.81, 366.05,
                        3_036.55, 1_441.75, 280.91, Double.NaN, Double.NaN, 587.92),
                // World (Ember: 2,131 solar; 8.1%, 14.3%, 9.0%, 34%, 22% of 30,830; other the remainder) minus the four
                new Supply(ROW, "what " + EMBER + " and " + IRENA + " leave after the four others", 217.2, 243.8,
                        1_468.1, 393.1, 509.8, 2_523.3, 745.4, Double.NaN, Double.NaN, Double.NaN));
        List<String> failures = new ArrayList<>();
        for (Supply f : figures) {
            String[] names = {"Solar", "Wind", "Hydro", "Nuclear", "Coal", "Gas", "Other"};
            double[] published = {f.solar, f.wind, f.hydro, f.nuclear, f.coal, f.gas, f.other};
            for (int i = 0; i < names.length; i++)
                check(failures, f.region + " " + names[i].toLowerCase() + " generation 2024 [TWh]", f.source, published[i],
                        v(GENERATION + "|" + names[i], f.region));
            if (!Double.isNaN(f.solarGw))
                check(failures, f.region + " solar capacity end-2024 [GW]", f.source, f.solarGw, v("Capacity|Electricity|Solar", f.region));
            if (!Double.isNaN(f.windGw))
                check(failures, f.region + " wind capacity end-2024 [GW]", f.source, f.windGw, v("Capacity|Electricity|Wind", f.region));
            if (!Double.isNaN(f.intensity))
                check(failures, f.region + " carbon intensity 2024 [g CO2/kWh]", f.source, f.intensity,
                        v("Carbon Intensity|Electricity", f.region));
        }
        assertEquals(FIVE.size(), figures.size(), "a figure for every region");
        assertTrue(failures.isEmpty(), "2024 supply off by more than 2%:\n" + String.join("\n", failures));
    }

    private static void check(List<String> failures, String figure, String source, double published, double model) {
        double error = (model - published) / published;
        if (!(Math.abs(error) <= TOLERANCE))
            failures.add(String.format("%s: published %,.4g (%s), model %,.4g, off by %+.2f%%", figure, published, source,
                    model, 100 * error));
    }

    @Test
    void worldGenerationAndMix2024() {
        double generation = v(GENERATION, WORLD);
        assertWithin2Percent("World electricity generation 2024 [TWh]", EMBER, 30_830, generation);
        assertWithin2Percent("World solar generation 2024 [TWh]", EMBER, 2_131, v(GENERATION + "|Solar", WORLD));
        // shares of generation, compared within 2% relative
        assertWithin2Percent("World wind share of generation 2024", EMBER, 0.081, v(GENERATION + "|Wind", WORLD) / generation);
        assertWithin2Percent("World hydro share of generation 2024", EMBER, 0.143, v(GENERATION + "|Hydro", WORLD) / generation);
        assertWithin2Percent("World nuclear share of generation 2024", EMBER, 0.090, v(GENERATION + "|Nuclear", WORLD) / generation);
        assertWithin2Percent("World coal share of generation 2024", EMBER, 0.34, v(GENERATION + "|Coal", WORLD) / generation);
        assertWithin2Percent("World gas share of generation 2024", EMBER, 0.22, v(GENERATION + "|Gas", WORLD) / generation);
    }

    @Test
    void worldEmissionsAndCarbonIntensity2024() {
        assertWithin2Percent("World power-sector CO2 emissions 2024 [Mt CO2]", EMBER, 14_600,
                v("Emissions|CO2|Energy|Supply|Electricity", WORLD));
        assertWithin2Percent("World carbon intensity of electricity 2024 [g CO2/kWh]", EMBER, 473,
                v("Carbon Intensity|Electricity", WORLD));
    }

    @Test
    void worldSolarCapacity2024() {
        assertWithin2Percent("World solar PV capacity end-2024 [GW]", IRENA, 1_865, v("Capacity|Electricity|Solar", WORLD));
    }

    @Test
    void worldElectricCars2024() {
        assertWithin2Percent("World electric-car stock 2024 [million], 'about 58 million'", IEA_EV, 58,
                v("Stock|Transportation|LDV|EV", WORLD));
        double sales = v("Sales|Transportation|LDV|EV", WORLD);
        assertWithin2Percent("World electric-car sales 2024 [million], 'over 17 million'", IEA_EV, 17, sales);
        assertTrue(sales >= 17, "World electric-car sales 2024: 'over 17 million' (" + IEA_EV + "), model " + sales);
    }

    @Test
    void fiveRegionsAddUpToWorldInTheBaseYear() {
        List<String> failures = new ArrayList<>();
        for (String variable : EXTENSIVE) {
            double world = v(variable, WORLD);
            double sum = FIVE.stream().mapToDouble(r -> v(variable, r)).sum();
            String line = String.format("%s %d: five regions %,.1f, World %,.1f (%+.2f%%)", variable, BASE_YEAR, sum,
                    world, 100 * (sum - world) / world);
            if (Math.abs(sum - world) > SUM_TOLERANCE * world) failures.add(line);
        }
        assertTrue(failures.isEmpty(), "the five regions must add up to World within 5%:\n" + String.join("\n", failures));
    }

    @Test
    void regionalTrajectoriesKeepAddingUpToWorldInEveryYear() {
        List<String> failures = new ArrayList<>();
        for (String variable : LINEAR) {
            for (int year = result.firstYear(); year <= result.lastYear(); year++) {
                double world = result.value(variable, WORLD, year);
                double sum = 0;
                for (String region : FIVE) sum += result.value(variable, region, year);
                if (Math.abs(sum - world) > SUM_TOLERANCE * world)
                    failures.add(String.format("%s %d: five regions %,.1f, World %,.1f", variable, year, sum, world));
            }
        }
        assertTrue(failures.isEmpty(), "the five regions must add up to World within 5%:\n" + String.join("\n", failures));
    }

    /**
     * Every output is finite; those of the four calibrated families (and the engine's aggregates of them) are
     * physical quantities and also non-negative. Outputs of other installed models (e.g. a consumer's grid-induced
     * emissions, which a clean-energy purchase may make negative) are checked for finiteness only.
     */
    @Test
    void everyOutputIsFiniteAndNonNegativeInEveryRegionAndYear() {
        List<String> failures = new ArrayList<>();
        for (int v = 0; v < result.variables().size(); v++) {
            String producer = result.variables().get(v).producer();
            boolean physical = FAMILIES.contains(producer) || producer.equals("aggregate");
            for (int r = 0; r < result.regions().size(); r++) {
                double[] values = result.series(v, r);
                for (int y = 0; y < values.length; y++) {
                    if (!Double.isFinite(values[y]) || (physical && values[y] < 0))
                        failures.add(result.variables().get(v).name() + " " + result.regions().get(r) + " "
                                + (result.firstYear() + y) + ": " + values[y]);
                }
            }
        }
        assertTrue(failures.isEmpty(), "outputs must be finite and non-negative:\n" + String.join("\n", failures));
    }

    /**
     * South Korea is not in the regions list but carries values for Korean variants: the same file run for South
     * Korea alone must work, and its mix must be that of the 2021 data it comes from. DOMAIN.md's figure is for
     * 2022 (63.6% fossil), not the base year, so it is checked within 3 percentage points, not 2%.
     */
    @Test
    void southKoreaValuesRunAsAVariant() throws Exception {
        String regionsLine = "regions: [World, United States, China, Europe, Asia-Pacific excluding China, Rest of World]";
        assertTrue(text.contains(regionsLine), "baseline.yaml lists the six regions on one line");
        Result korea = run(text.replace(regionsLine, "regions: [South Korea]"));
        String k = "South Korea";
        for (int v = 0; v < korea.variables().size(); v++) {
            String producer = korea.variables().get(v).producer();
            boolean physical = FAMILIES.contains(producer) || producer.equals("aggregate");
            for (double x : korea.series(v, 0))
                assertTrue(Double.isFinite(x) && (!physical || x >= 0), korea.variables().get(v).name() + " for South Korea: " + x);
        }
        double generation = korea.value(GENERATION, k, BASE_YEAR);
        double fossil = (korea.value(GENERATION + "|Coal", k, BASE_YEAR) + korea.value(GENERATION + "|Gas", k, BASE_YEAR))
                / generation;
        assertEquals(0.636, fossil, 0.03, "South Korea fossil share of generation: 63.6% in 2022 "
                + "(DOMAIN.md, facts from the source articles); model 2024 " + fossil);
        double renewables = (korea.value(GENERATION + "|Solar", k, BASE_YEAR) + korea.value(GENERATION + "|Wind", k, BASE_YEAR)
                + korea.value(GENERATION + "|Hydro", k, BASE_YEAR)) / generation;
        assertTrue(renewables < 0.10, "South Korea: renewables under 10% in 2022 (DOMAIN.md); model 2024 solar + wind + "
                + "hydro share (bioenergy sits in 'other' with oil) " + renewables);
        double dc = korea.value(DATA_CENTRES, k, BASE_YEAR);
        assertTrue(dc > 0 && dc < v(DATA_CENTRES, APAC), "South Korea data centres (assumption) are part of "
                + "Asia-Pacific excl. China's 48 TWh: " + dc);
    }
}
