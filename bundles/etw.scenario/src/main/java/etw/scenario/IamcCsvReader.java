package etw.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Trajectory;

/**
 * Reads series from an IAMC wide-format CSV file ({@code Model,Scenario,Region,Variable,Unit,<year>,...}), the
 * format ETW exports and pyam and the IPCC AR6 database use. Empty cells are skipped: a series has points only
 * where the file has values, and is interpolated between them. Every error names {@code file:line}.
 */
public final class IamcCsvReader {
    private static final List<String> FIXED = List.of("model", "scenario", "region", "variable", "unit");

    private IamcCsvReader() {
    }

    /** One variable's series, per region, with its unit. */
    public record Series(String unit, RegionalSeries values) {
    }

    /**
     * Reads one variable from a file.
     *
     * @param scenario which scenario's rows to take when the file holds several; null to require exactly one
     * @throws ScenarioException naming file and line for a missing file, a wrong header, a bad number, mixed
     *                           units, several scenarios without a choice, or no rows of the variable
     */
    public static Series read(Path file, String variable, String scenario) throws ScenarioException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file (an IAMC CSV file is looked for relative to the scenario file)");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read: " + e.getMessage());
        }
        if (lines.isEmpty()) throw new ScenarioException(file + ":1: the file is empty; expected an IAMC header");
        List<String> header = fields(lines.get(0), file, 1);
        int[] years = years(header, file);
        Map<String, Map<String, Map<Integer, Double>>> byScenario = new TreeMap<>(); // scenario -> region -> points
        String unit = null;
        int unitLine = 0;
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            List<String> f = fields(lines.get(n), file, n + 1);
            if (f.size() != header.size())
                throw new ScenarioException(file + ":" + (n + 1) + ": " + f.size() + " fields where the header has "
                        + header.size() + "; check for a missing or extra comma");
            if (!f.get(3).equals(variable)) continue;
            if (unit == null) {
                unit = f.get(4);
                unitLine = n + 1;
            } else if (!unit.equals(f.get(4))) {
                throw new ScenarioException(file + ":" + (n + 1) + ": '" + variable + "' is in '" + f.get(4) + "' here but in '"
                        + unit + "' on line " + unitLine + "; one variable needs one unit");
            }
            Map<Integer, Double> points = byScenario.computeIfAbsent(f.get(1), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.get(2), k -> new LinkedHashMap<>());
            for (int c = 0; c < years.length; c++) {
                String cell = f.get(FIXED.size() + c).trim();
                if (cell.isEmpty()) continue;
                try {
                    double v = Double.parseDouble(cell);
                    if (!Double.isFinite(v)) throw new NumberFormatException();
                    points.put(years[c], v);
                } catch (NumberFormatException e) {
                    throw new ScenarioException(file + ":" + (n + 1) + ": '" + cell + "' in column " + years[c]
                            + " is not a number");
                }
            }
        }
        if (byScenario.isEmpty())
            throw new ScenarioException(file + ": no rows for variable '" + variable + "'; the Variable column must match exactly");
        Map<String, Map<Integer, Double>> regions;
        if (scenario != null) {
            regions = byScenario.get(scenario);
            if (regions == null)
                throw new ScenarioException(file + ": no rows of scenario '" + scenario + "' for '" + variable + "'; the file has "
                        + String.join(", ", byScenario.keySet()));
        } else if (byScenario.size() > 1) {
            throw new ScenarioException(file + ": '" + variable + "' appears for several scenarios (" + String.join(", ",
                    byScenario.keySet()) + "); say which with 'scenario:'");
        } else {
            regions = byScenario.values().iterator().next();
        }
        Map<String, Trajectory> byRegion = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Integer, Double>> r : regions.entrySet()) {
            if (r.getValue().isEmpty())
                throw new ScenarioException(file + ": '" + variable + "' has no values for region " + r.getKey());
            byRegion.put(r.getKey(), Trajectory.of(r.getValue()));
        }
        return new Series(unit, new RegionalSeries(byRegion, file.toString()));
    }

    private static int[] years(List<String> header, Path file) throws ScenarioException {
        boolean fixedOk = header.size() > FIXED.size();
        for (int i = 0; fixedOk && i < FIXED.size(); i++) fixedOk = header.get(i).trim().toLowerCase(Locale.ROOT).equals(FIXED.get(i));
        if (!fixedOk)
            throw new ScenarioException(file + ":1: not an IAMC header: expected Model,Scenario,Region,Variable,Unit and "
                    + "then one column per year, found " + String.join(",", header));
        int[] years = new int[header.size() - FIXED.size()];
        TreeSet<Integer> seen = new TreeSet<>();
        for (int i = 0; i < years.length; i++) {
            String y = header.get(FIXED.size() + i).trim();
            try {
                years[i] = Integer.parseInt(y);
            } catch (NumberFormatException e) {
                throw new ScenarioException(file + ":1: column '" + y + "' is not a year; after Unit, every column is a year");
            }
            if (!seen.add(years[i])) throw new ScenarioException(file + ":1: year " + years[i] + " appears twice in the header");
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
