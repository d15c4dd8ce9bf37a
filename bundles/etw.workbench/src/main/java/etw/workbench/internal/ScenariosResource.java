package etw.workbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import etw.api.Parameter;
import etw.api.scenario.CannedScenario;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.scenario.ScenarioException;
import etw.scenario.ScenarioExistsException;
import etw.scenario.ScenarioService;

/**
 * {@code /api/scenarios}: the canned and saved scenarios, one parsed for the editor, posted text parsed, and saving
 * into the workspace through the one {@link ScenarioService} (canonical form; a variant of a named scenario is
 * written as {@code extends:} and what differs).
 */
final class ScenariosResource {
    /** The only file names the workbench saves under. */
    static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]{1,64}\\.yaml");
    private static final int MAX_LAB_SHEET = 4 * 1024 * 1024;

    private final RequestScenarios scenarios;

    ScenariosResource(RequestScenarios scenarios) {
        this.scenarios = scenarios;
    }

    Responses.ScenarioList list() {
        List<Responses.ScenarioEntry> list = new ArrayList<>();
        for (ScenarioService.Entry e : scenarios.service.list())
            list.add(new Responses.ScenarioEntry(e.name(), e.kind(), e.title(), e.parent(), e.labSheet() != null));
        return new Responses.ScenarioList(list, scenarios.canSave, scenarios.service.warnings());
    }

    /** A scenario parsed for the editor: regions, years, and every parameter of its models with value and metadata. */
    Responses.ScenarioView one(String ref) throws ApiException {
        String text;
        try {
            text = scenarios.service.text(ref).orElseThrow(() -> RequestScenarios.notFound(ref));
        } catch (ScenarioException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        Scenario s = scenarios.load(ref);
        CannedScenario c = scenarios.service.canned().get(ref);
        String labSheet = c != null && c.labSheet() != null ? read(c.labSheet()) : null;
        return describe(s, ref, c != null ? "canned" : "workspace", text, labSheet);
    }

    /** Scenario text sent by the page (a file the user picked), parsed for the editor. */
    Responses.ScenarioView parse(ApiRequest r) throws ApiException {
        if (r.text() == null) throw ApiException.badRequest("\"text\" is required");
        return describe(scenarios.parse(r.text()), null, "text", null, null);
    }

    private Responses.ScenarioView describe(Scenario s, String ref, String kind, String text, String labSheet) {
        List<Responses.ScenarioModel> ms = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (InstalledModel m : scenarios.models.get()) {
            if (!s.models().isEmpty() && !s.models().contains(m.id()) && !s.with().contains(m.id())) continue;
            Map<String, RegionalSeries> set = s.parameters().getOrDefault(m.id(), Map.of());
            List<Responses.ParameterInfo> params = new ArrayList<>();
            for (Parameter p : m.model().descriptor().parameters()) {
                RegionalSeries v = set.get(p.name());
                params.add(ValueForms.parameter(p, v == null ? null : ValueForms.valueForm(v, s.regions())));
            }
            ms.add(new Responses.ScenarioModel(m.id(), m.model().descriptor().title(), params));
            shown.add(m.id());
        }
        Map<String, List<String>> unknown = new TreeMap<>();
        s.parameters().forEach((model, values) -> {
            if (!shown.contains(model)) unknown.put(model, List.copyOf(new java.util.TreeSet<>(values.keySet())));
        });
        Map<String, Map<String, Object>> unc = new TreeMap<>();
        s.uncertainty().forEach((model, ds) -> {
            Map<String, Object> m = new TreeMap<>();
            ds.forEach((p, d) -> m.put(p, ValueForms.distributionForm(d)));
            unc.put(model, m);
        });
        List<Responses.ExogenousInfo> exo = new ArrayList<>();
        new TreeMap<>(s.exogenous()).values().forEach(x -> exo.add(new Responses.ExogenousInfo(x.variable(), x.unit(),
                ValueForms.valueForm(x.values(), s.regions()))));
        return new Responses.ScenarioView(s.name(), s.description(), s.regions(), s.firstYear(), s.lastYear(), s.seed(),
                s.with(), ms, unknown, unc, exo, ref, kind, text, labSheet);
    }

    /**
     * Saves the request's scenario into the workspace as {@code file}: a variant that {@code extends} the named
     * scenario with what differs, or, for posted text, the whole scenario in canonical form. It is wired before it
     * is written, and the service parses the text back, so a saved scenario always loads and runs.
     */
    Responses.Saved save(ApiRequest r) throws ApiException {
        String file = r.file();
        if (file == null || !FILE_NAME.matcher(file).matches())
            throw ApiException.badRequest("file must be a simple name of lower-case letters, digits and '-' ending in "
                    + ".yaml, e.g. my-variant.yaml; got " + (file == null ? "nothing" : "'" + file + "'"));
        if (!scenarios.canSave)
            throw new ApiException(409, "this workbench has no workspace folder to save into (start it with etw workbench)");
        String stem = file.substring(0, file.length() - ".yaml".length());
        String name = r.name() != null ? r.name() : stem;
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl))
            throw ApiException.badRequest("name must be 1 to 100 printable characters");
        Scenario.Builder named = scenarios.of(r).toBuilder(name);
        if (r.description() != null) named.description(r.description());
        Scenario s = named.build();
        scenarios.wire(s); // a scenario that would not run is not written
        try {
            if (r.scenario() != null) scenarios.service.saveVariant(stem, r.scenario(), s, r.overwriteOrFalse());
            else scenarios.service.save(stem, s, r.overwriteOrFalse());
            return new Responses.Saved(file, name, scenarios.service.text(stem).orElse(""));
        } catch (ScenarioExistsException e) {
            throw new ApiException(409, "scenario " + file + " exists; choose another name or save with overwrite");
        } catch (ScenarioException e) {
            throw ApiException.unprocessable("the scenario was not saved: " + e.getMessage());
        }
    }

    private static String read(URL url) throws ApiException {
        try (InputStream in = url.openStream()) {
            return new String(in.readNBytes(MAX_LAB_SHEET), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.unprocessable("a lab sheet cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
