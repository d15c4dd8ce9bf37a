package etw.workbench.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import etw.api.scenario.CannedScenario;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.scenario.ScenarioException;
import etw.scenario.ScenarioNotFoundException;
import etw.scenario.ScenarioParser;
import etw.scenario.ScenarioService;

/**
 * The scenario of a request, shared by the resources: named ({@code scenario}) or given as text, through the one
 * {@link ScenarioService} with REMOTE access (an {@code extends:} and an exogenous {@code file:} resolve only
 * inside the workspace, and no message quotes a file), with the request's changes applied, checked against the
 * workbench's size limit, and wired to the installed models.
 */
final class RequestScenarios {
    /** The most values of one variable a request may ask for (regions × years). */
    static final long MAX_CELLS = 200_000;

    final Supplier<List<InstalledModel>> models;
    final ScenarioService service;
    final boolean canSave;
    private final Map<String, Scenario> canned = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scenario> eldest) {
            return size() > 32;
        }
    });

    RequestScenarios(Supplier<List<InstalledModel>> models, ScenarioService service, boolean canSave) {
        this.models = models;
        this.service = service;
        this.canSave = canSave;
    }

    /** The request's scenario: named or given as text, with its overrides, uncertainty, {@code with} and name applied. */
    Scenario of(ApiRequest r) throws ApiException {
        if ((r.scenario() == null) == (r.text() == null))
            throw ApiException.badRequest("give either \"scenario\" (a canned name or one saved in the workspace) "
                    + "or \"text\" (a scenario in YAML), not " + (r.scenario() == null ? "neither" : "both"));
        Scenario base = r.scenario() != null ? load(r.scenario()) : parse(r.text());
        checkSize(base);
        if (r.overrides().isEmpty() && r.uncertainty().isEmpty() && r.name() == null && r.with() == null) return base;
        Scenario changes = changes(r.overrides(), r.uncertainty(), base.regions());
        Scenario.Builder b = base.toBuilder(r.name() != null ? r.name() : base.name());
        if (r.with() != null) {
            TreeSet<String> all = new TreeSet<>(base.with());
            all.addAll(r.with());
            b.with(List.copyOf(all));
        }
        changes.parameters().forEach((model, values) -> values.forEach((p, v) -> b.parameter(model, p, v)));
        changes.uncertainty().forEach((model, values) -> values.forEach((p, d) -> b.uncertain(model, p, d)));
        b.text(base.text() + "\n--- workbench changes\n" + FlowYaml.write(Map.of("overrides", r.overrides(),
                "uncertainty", r.uncertainty())));
        return b.build();
    }

    /**
     * A canned or saved scenario by name. Canned ones are kept once parsed (keyed by where their text lives, so a
     * reinstalled library is read again); saved ones are read afresh, as they may change on disk.
     */
    Scenario load(String ref) throws ApiException {
        CannedScenario c = service.canned().get(ref);
        String key = c == null ? null : ref + '\0' + c.location();
        Scenario cached = key == null ? null : canned.get(key);
        if (cached != null) return cached;
        try {
            Scenario s = service.load(ref);
            if (key != null) canned.put(key, s);
            return s;
        } catch (ScenarioNotFoundException e) {
            throw notFound(ref);
        } catch (ScenarioException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    /** Scenario text sent with a request. */
    Scenario parse(String text) throws ApiException {
        try {
            return service.parse(text, "request");
        } catch (ScenarioException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    static ApiException notFound(String ref) {
        return ApiException.notFound("no scenario '" + ref + "': neither a canned scenario nor one saved in the "
                + "workspace. GET /api/scenarios lists them.");
    }

    static void checkSize(Scenario s) throws ApiException {
        long cells = (long) s.regions().size() * s.yearCount();
        if (cells > MAX_CELLS)
            throw ApiException.unprocessable("the scenario has " + s.regions().size() + " regions × " + s.yearCount()
                    + " years = " + cells + " values per variable; the workbench runs at most " + MAX_CELLS);
    }

    Wiring wire(Scenario s) throws ApiException {
        try {
            return Wiring.wire(s, models.get());
        } catch (WiringException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    /**
     * Reads overrides and uncertainty with the scenario parser itself (JSON is YAML), so they take exactly the
     * forms of a scenario file and fail with its messages.
     */
    private static Scenario changes(Map<String, Object> overrides, Map<String, Object> uncertainty, List<String> regions)
            throws ApiException {
        StringBuilder t = new StringBuilder("name: changes\nregions: ").append(FlowYaml.write(regions)).append('\n');
        if (!overrides.isEmpty()) t.append("parameters: ").append(FlowYaml.write(overrides)).append('\n');
        if (!uncertainty.isEmpty()) t.append("uncertainty: ").append(FlowYaml.write(uncertainty)).append('\n');
        try {
            return ScenarioParser.parse(t.toString(), "overrides");
        } catch (ScenarioException e) {
            throw ApiException.unprocessable(e.getMessage().replaceFirst("^overrides:\\d+:\\d+: ", "overrides: "));
        }
    }
}
