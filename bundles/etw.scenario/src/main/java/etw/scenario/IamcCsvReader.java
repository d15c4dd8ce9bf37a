package etw.scenario;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Trajectory;

/**
 * Reads series from an IAMC wide-format CSV file ({@code Model,Scenario,Region,Variable,Unit,<year>,...}), the
 * format ETW exports and pyam and the IPCC AR6 database use. Empty cells are skipped: a series has points only
 * where the file has values, and is interpolated between them. Every error names {@code file:line}, and quotes
 * at most a short, escaped piece of the file.
 *
 * <p>The file is UTF-8 (a byte-order mark, as Excel's "CSV UTF-8" writes, is fine; UTF-16 with a byte-order mark
 * too), at most 64 MiB. When it holds more than one model or scenario, the scenario's exogenous entry must say
 * which with {@code model:} and {@code scenario:}; the error lists what the file holds.
 *
 * <p><b>Region mapping.</b> With {@code regions: mapping.yaml} under the exogenous entry, the file's regions are
 * mapped onto the scenario's: the mapping file (YAML) maps each scenario region to the list of file regions that
 * make it up, and their values are summed year by year (between a region's points, by interpolation):
 *
 * <pre>
 * Europe: [R5OECD90+EU]
 * Rest of World: [R5ASIA, R5LAM, R5MAF, R5REF]
 * </pre>
 *
 * Only amounts add up: summing several regions needs an extensive unit (such as {@code TWh/yr}, {@code GW},
 * {@code million}); a unit that is a ratio or share ({@code %}, {@code USD/MWh}) may only be renamed, one file
 * region per scenario region. File regions the mapping does not name are left out; a scenario region whose
 * file regions are all missing is an error.
 */
public final class IamcCsvReader {
    private static final List<String> FIXED = List.of("model", "scenario", "region", "variable", "unit");
    private static final Pattern TIME_UNIT = Pattern.compile("(yr|year|a|d|day|h|hr|hour|s|month|week)");

    private IamcCsvReader() {
    }

    /** One variable's series, per region, with its unit. */
    public record Series(String unit, RegionalSeries values) {
    }

    /** A series and the SHA-256 of the file it came from. */
    record Data(String unit, RegionalSeries values, String sha256) {
    }

    /** One row of the variable asked for. */
    private record Row(String model, String scenario, String region, String unit, int line, Map<Integer, Double> points) {
    }

    /**
     * Reads one variable from a file that holds one model.
     *
     * @param scenario which scenario's rows to take when the file holds several; null to require exactly one
     * @throws ScenarioException naming file and line for a missing file, a wrong header, a bad number, mixed
     *                           units, several models or scenarios without a choice, or no rows of the variable
     */
    public static Series read(Path file, String variable, String scenario) throws ScenarioException {
        Data d = read(file, variable, null, scenario, null);
        return new Series(d.unit(), d.values());
    }

    /**
     * Reads one variable.
     *
     * @param model    which model's rows, or null when the file holds one model
     * @param scenario which scenario's rows, or null when the file holds one scenario
     * @param mapping  how the file's regions make up the scenario's, or null to take them as they are
     */
    static Data read(Path file, String variable, String model, String scenario, RegionMapping mapping) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = ScenarioText.read(file, Limits.MAX_DATA_BYTES, "a data file");
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file (an IAMC CSV file is looked for relative to the scenario file)");
        }
        String text = ScenarioText.decodeText(bytes, file.toString());
        List<Row> rows = new ArrayList<>();
        TreeSet<String> models = new TreeSet<>();
        TreeSet<String> scenarios = new TreeSet<>();
        int[] years = null;
        int width = 0;
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            lineNo++;
            if (years == null) {
                List<String> header = fields(line, file, lineNo);
                years = years(header, file);
                width = header.size();
                continue;
            }
            if (line.isBlank()) continue;
            List<String> f = fields(line, file, lineNo);
            if (f.size() != width)
                throw new ScenarioException(file + ":" + lineNo + ": " + f.size() + " fields where the header has "
                        + width + "; check for a missing or extra comma");
            models.add(f.get(0));
            scenarios.add(f.get(1));
            if (!f.get(3).equals(variable)) continue;
            Map<Integer, Double> points = new LinkedHashMap<>();
            for (int c = 0; c < years.length; c++) {
                String cell = f.get(FIXED.size() + c).trim();
                if (cell.isEmpty()) continue;
                points.put(years[c], number(cell, file, lineNo, years[c]));
            }
            rows.add(new Row(f.get(0), f.get(1), f.get(2), f.get(4), lineNo, points));
        }
        if (years == null) throw new ScenarioException(file + ":1: the file is empty; expected an IAMC header");
        boolean needModel = model == null && models.size() > 1;
        boolean needScenario = scenario == null && scenarios.size() > 1;
        if (needModel || needScenario)
            throw new ScenarioException(file + ": the file holds " + models.size() + " model" + (models.size() == 1 ? "" : "s")
                    + " (" + Names.list(models, 12) + ") and " + scenarios.size() + " scenario" + (scenarios.size() == 1 ? "" : "s")
                    + " (" + Names.list(scenarios, 12) + "); say which with " + (needModel ? "'model:'" : "")
                    + (needModel && needScenario ? " and " : "") + (needScenario ? "'scenario:'" : "")
                    + " under the exogenous entry, so that rows of different ones are not mixed");
        choose(file, "model", model, models);
        choose(file, "scenario", scenario, scenarios);
        Map<String, Row> byRegion = new LinkedHashMap<>();
        Row first = null;
        for (Row r : rows) {
            if ((model != null && !model.equals(r.model())) || (scenario != null && !scenario.equals(r.scenario()))) continue;
            if (first == null) {
                first = r;
            } else if (!first.unit().equals(r.unit())) {
                throw new ScenarioException(file + ":" + r.line() + ": '" + Names.token(variable) + "' is in '" + Names.token(r.unit())
                        + "' here but in '" + Names.token(first.unit()) + "' on line " + first.line() + "; one variable needs one unit");
            }
            Row before = byRegion.putIfAbsent(r.region(), r);
            if (before != null)
                throw new ScenarioException(file + ":" + r.line() + ": region '" + Names.token(r.region()) + "' of '"
                        + Names.token(variable) + "' appears again (first on line " + before.line() + "); keep one row");
            if (r.points().isEmpty())
                throw new ScenarioException(file + ":" + r.line() + ": '" + Names.token(variable) + "' has no values for region "
                        + Names.token(r.region()));
        }
        if (first == null)
            throw new ScenarioException(file + ": no rows for variable '" + Names.token(variable) + "'"
                    + (model != null || scenario != null ? " in the model and scenario chosen" : "")
                    + "; the Variable column must match exactly");
        Map<String, Trajectory> values = mapping == null ? asIs(byRegion) : mapped(byRegion, mapping, first.unit(), file, variable);
        return new Data(first.unit(), new RegionalSeries(values, file.toString()), ScenarioText.sha256(bytes));
    }

    /** Checks a model or scenario choice against what the file holds. */
    private static void choose(Path file, String key, String chosen, TreeSet<String> found) throws ScenarioException {
        if (chosen != null && !found.contains(chosen))
            throw new ScenarioException(file + ": no rows of " + key + " '" + Names.token(chosen) + "'; the file has "
                    + Names.list(found, 12));
    }

    private static Map<String, Trajectory> asIs(Map<String, Row> byRegion) {
        Map<String, Trajectory> out = new LinkedHashMap<>();
        byRegion.forEach((region, row) -> out.put(region, Trajectory.of(row.points())));
        return out;
    }

    private static Map<String, Trajectory> mapped(Map<String, Row> byRegion, RegionMapping mapping, String unit, Path file,
                                                  String variable) throws ScenarioException {
        boolean extensive = extensive(unit);
        Map<String, Trajectory> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : mapping.sources().entrySet()) {
            List<Trajectory> parts = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String source : e.getValue()) {
                Row r = byRegion.get(source);
                if (r == null) missing.add(source);
                else parts.add(Trajectory.of(r.points()));
            }
            if (!missing.isEmpty())
                throw new ScenarioException(file + ": the region mapping makes '" + Names.token(e.getKey()) + "' of "
                        + Names.list(e.getValue(), 12) + ", but the file has no '" + Names.token(variable) + "' for "
                        + Names.list(missing, 12) + "; the file's regions: " + Names.list(byRegion.keySet(), 20));
            if (parts.size() > 1 && !extensive)
                throw new ScenarioException(file + ": '" + Names.token(variable) + "' is in '" + Names.token(unit)
                        + "', not an amount, so regions cannot be summed into '" + Names.token(e.getKey())
                        + "'; map one file region onto it, or use data in an amount (such as TWh/yr)");
            out.put(e.getKey(), sum(parts));
        }
        return out;
    }

    /** An amount (which adds up over regions): no percentage, and nothing per unit except per unit of time. */
    static boolean extensive(String unit) {
        String u = unit.trim();
        if (u.contains("%")) return false;
        int slash = u.indexOf('/');
        if (slash < 0) return true;
        return u.indexOf('/', slash + 1) < 0 && TIME_UNIT.matcher(u.substring(slash + 1).trim()).matches();
    }

    private static Trajectory sum(List<Trajectory> parts) {
        if (parts.size() == 1) return parts.get(0);
        TreeSet<Integer> years = new TreeSet<>();
        for (Trajectory t : parts) years.addAll(t.points().keySet());
        Map<Integer, Double> points = new TreeMap<>();
        for (int y : years) {
            double v = 0;
            for (Trajectory t : parts) v += t.valueAt(y);
            points.put(y, v);
        }
        return Trajectory.of(points);
    }

    private static double number(String cell, Path file, int line, int year) throws ScenarioException {
        try {
            if (cell.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
                double v = Double.parseDouble(cell);
                if (Double.isFinite(v)) return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ScenarioException(file + ":" + line + ": '" + Names.token(cell) + "' in column " + year
                + " is not a number; write a decimal such as 1.5 or 2e3");
    }

    private static int[] years(List<String> header, Path file) throws ScenarioException {
        boolean fixedOk = header.size() > FIXED.size();
        for (int i = 0; fixedOk && i < FIXED.size(); i++) fixedOk = header.get(i).trim().toLowerCase(Locale.ROOT).equals(FIXED.get(i));
        if (!fixedOk)
            throw new ScenarioException(file + ":1: not an IAMC header: expected Model,Scenario,Region,Variable,Unit and "
                    + "then one column per year, found " + Names.token(String.join(",", header)));
        int[] years = new int[header.size() - FIXED.size()];
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < years.length; i++) {
            String y = header.get(FIXED.size() + i).trim();
            if (!y.matches("\\d{4}") || Integer.parseInt(y) < Limits.FIRST_YEAR || Integer.parseInt(y) > Limits.LAST_YEAR)
                throw new ScenarioException(file + ":1: column '" + Names.token(y) + "' is not a year; after Unit, every "
                        + "column is a year from " + Limits.FIRST_YEAR + " to " + Limits.LAST_YEAR);
            years[i] = Integer.parseInt(y);
            if (seen.put(years[i], i) != null) throw new ScenarioException(file + ":1: year " + years[i] + " appears twice in the header");
        }
        return years;
    }

    /** Splits one CSV line: commas, with double quotes around fields that contain commas or quotes. */
    static List<String> fields(String line, Path file, int lineNo) throws ScenarioException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new ScenarioException(file + ":" + lineNo + ": a quoted field is not closed");
        out.add(cur.toString());
        return out;
    }
}
