package etw.io;

import java.util.List;

/**
 * The headline variables, in this order: what summaries (the report's tables, the command line, the workbench)
 * show when a result has them. A class of its own, so that a command printing them loads nothing of the report.
 */
public final class Headlines {
    public static final List<String> VARIABLES = List.of(
            "Final Energy|Electricity",
            "Final Energy|Electricity|Data Centers",
            "Final Energy|Electricity|Transportation",
            "Capacity|Electricity|Solar",
            "Capacity|Electricity|Wind",
            "Secondary Energy|Electricity",
            "Secondary Energy|Electricity|Solar",
            "Secondary Energy|Electricity|Wind",
            "Secondary Energy|Electricity|Coal",
            "Secondary Energy|Electricity|Gas",
            "Emissions|CO2|Energy|Supply|Electricity",
            "Carbon Intensity|Electricity");

    private Headlines() {
    }

    /**
     * The distribution's headlines, then those the given models declare
     * ({@link etw.api.ModelDescriptor#headlines()}), each once.
     */
    public static List<String> with(java.util.Collection<etw.api.ModelDescriptor> models) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(VARIABLES);
        for (etw.api.ModelDescriptor d : models) all.addAll(d.headlines());
        return List.copyOf(all);
    }
}
