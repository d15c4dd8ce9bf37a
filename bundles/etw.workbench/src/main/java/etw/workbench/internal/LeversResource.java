package etw.workbench.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import etw.api.Parameter;
import etw.api.scenario.CannedScenario;
import etw.engine.InstalledModel;
import etw.io.Headlines;
import etw.scenario.ScenarioService;

/**
 * {@code GET /api/levers/{scenario}}: the key levers of a scenario, for the Explore view, and the headline variables
 * its dashboard shows. A canned scenario's levers are the file {@code <scenario>.levers.yaml} beside its scenario
 * file (see {@link Levers} for the format); a scenario without one, canned or saved in the workspace, takes the
 * levers of what it {@code extends}, and so on up. Levers files are read only from scenario libraries (bundles),
 * never from the workspace. Each lever's targets are resolved against the installed models: a parameter that is
 * not installed leaves the lever out with a problem naming it, and a {@code set} whose range leaves the parameter's
 * declared range is a problem too.
 */
final class LeversResource {
    private static final int MAX_DEPTH = 16;

    private final RequestScenarios scenarios;

    LeversResource(RequestScenarios scenarios) {
        this.scenarios = scenarios;
    }

    /** A lever's target with what the page needs to move it: the parameter's unit, range and title. */
    record TargetInfo(String model, String parameter, String op, Integer at, double convert, String unit, double min,
                      double max, double defaultValue, String description) {
    }

    record LeverInfo(String id, String label, String description, String unit, double min, double max, double step,
                     String source, List<TargetInfo> targets) {
    }

    /**
     * @param from     the scenario whose levers file this is ({@code scenario} itself or one it extends), or null
     * @param file     that file's name, or null
     * @param parent   what {@code scenario} extends, or ""
     * @param problems what is wrong with the levers file or its targets; levers with a problem are left out
     */
    record Answer(String scenario, String from, String file, String parent, List<LeverInfo> levers,
                  List<String> headlines, List<String> problems) {
    }

    Answer levers(String ref) throws ApiException {
        ScenarioService service = scenarios.service;
        Map<String, String> parents = new HashMap<>();
        for (ScenarioService.Entry e : service.list()) parents.put(e.name(), e.parent() == null ? "" : e.parent());
        String stem = ref.endsWith(".yaml") ? ref.substring(0, ref.length() - 5) : ref;
        if (!parents.containsKey(stem)) throw RequestScenarios.notFound(ref);
        String parent = parents.get(stem);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String at = stem;
        for (int depth = 0; at != null && !at.isEmpty() && depth < MAX_DEPTH && seen.add(at); depth++) {
            CannedScenario c = service.canned().get(at);
            if (c != null) {
                URL url = sibling(c.location());
                String text = url == null ? null : read(url, problems);
                if (text != null) {
                    String file = fileName(url);
                    try {
                        List<LeverInfo> levers = resolve(Levers.parse(text, file), problems);
                        return new Answer(stem, at, file, parent, levers, Headlines.VARIABLES, List.copyOf(problems));
                    } catch (Levers.LeversException e) {
                        problems.add(e.getMessage());
                        return new Answer(stem, at, file, parent, List.of(), Headlines.VARIABLES, List.copyOf(problems));
                    }
                }
            }
            String up = parents.get(at);
            if (up == null) up = parentOfUnlisted(at);
            at = up;
        }
        return new Answer(stem, null, null, parent, List.of(), Headlines.VARIABLES, List.copyOf(problems));
    }

    /** A parent named by {@code extends:} that is not in the listing (e.g. given with .yaml): its stem. */
    private static String parentOfUnlisted(String name) {
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : null;
    }

    /** {@code .../baseline.yaml} becomes {@code .../baseline.levers.yaml}; null if the location is not a .yaml. */
    static URL sibling(URL scenario) {
        String s = scenario.toString();
        int dot = s.endsWith(".yaml") ? s.length() - 5 : s.endsWith(".yml") ? s.length() - 4 : -1;
        if (dot < 0) return null;
        try {
            return new URL(s.substring(0, dot) + ".levers.yaml");
        } catch (MalformedURLException e) {
            return null;
        }
    }

    private static String fileName(URL url) {
        String p = url.getPath();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The file's text, or null if there is none (a missing file is normal: the parent's levers are used). */
    private static String read(URL url, List<String> problems) {
        try (InputStream in = url.openStream()) {
            return new String(in.readNBytes(512 * 1024), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            // a bundle's URL handler says "not found" with a plain IOException too
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (!m.contains("not found") && !m.contains("not exist") && !m.contains("no such"))
                problems.add(fileName(url) + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private List<LeverInfo> resolve(List<Levers.Lever> levers, List<String> problems) {
        Map<String, Map<String, Parameter>> installed = new HashMap<>();
        for (InstalledModel m : scenarios.models.get()) {
            Map<String, Parameter> ps = new HashMap<>();
            for (Parameter p : m.model().descriptor().parameters()) ps.put(p.name(), p);
            installed.put(m.id(), ps);
        }
        List<LeverInfo> out = new ArrayList<>();
        for (Levers.Lever l : levers) {
            List<TargetInfo> targets = new ArrayList<>();
            String problem = null;
            for (Levers.Target t : l.targets()) {
                Map<String, Parameter> ps = installed.get(t.model());
                Parameter p = ps == null ? null : ps.get(t.parameter());
                if (p == null) {
                    problem = "lever " + l.id() + " is left out: " + (ps == null ? "model " + t.model() + " is not installed"
                            : "model " + t.model() + " has no parameter " + t.parameter()
                            + nearest(t.parameter(), ps.keySet()));
                    break;
                }
                if (t.op().equals("set")) {
                    double a = Math.min(l.min() * t.convert(), l.max() * t.convert());
                    double b = Math.max(l.min() * t.convert(), l.max() * t.convert());
                    if (a < p.min() - 1e-12 || b > p.max() + 1e-12) {
                        problem = "lever " + l.id() + " is left out: its range " + num(l.min()) + " to " + num(l.max()) + " "
                                + l.unit() + " sets " + t.model() + "/" + t.parameter() + " to " + num(a) + " to " + num(b)
                                + ", outside its declared range " + num(p.min()) + " to " + num(p.max()) + " " + p.unit();
                        break;
                    }
                }
                targets.add(new TargetInfo(t.model(), t.parameter(), t.op(), t.at(), t.convert(), p.unit(), p.min(),
                        p.max(), p.defaultValue(), p.description()));
            }
            if (problem != null) problems.add(problem);
            else out.add(new LeverInfo(l.id(), l.label(), l.description(), l.unit(), l.min(), l.max(), l.step(),
                    l.source(), List.copyOf(targets)));
        }
        return List.copyOf(out);
    }

    private static String nearest(String name, Set<String> names) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(name, n);
            if (d < bestD) {
                bestD = d;
                best = n;
            }
        }
        return best != null && bestD <= Math.max(2, name.length() / 3) ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
