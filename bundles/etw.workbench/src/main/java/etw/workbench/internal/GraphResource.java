package etw.workbench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.Wire;
import etw.engine.Wiring;

/** {@code POST /api/graph}: a scenario's wiring: the models in step order, the variables, the wires with lags. */
final class GraphResource {
    private final RequestScenarios scenarios;

    GraphResource(RequestScenarios scenarios) {
        this.scenarios = scenarios;
    }

    Responses.Graph graph(ApiRequest request) throws ApiException {
        Scenario s = scenarios.of(request);
        Wiring w = scenarios.wire(s);
        List<Responses.GraphModel> ms = new ArrayList<>();
        Map<String, Responses.GraphVariable> variables = new TreeMap<>();
        int step = 0;
        for (InstalledModel m : w.order()) {
            ModelDescriptor d = m.model().descriptor();
            ms.add(new Responses.GraphModel(m.id(), d.title(), m.bundle(), m.bundleVersion(), step++));
            for (Output out : d.outputs())
                variables.put(out.variable(), new Responses.GraphVariable(out.variable(), out.unit(), m.id()));
        }
        s.exogenous().values().forEach(x -> variables.put(x.variable(),
                new Responses.GraphVariable(x.variable(), x.unit(), Wire.SCENARIO)));
        List<Responses.WireInfo> wires = new ArrayList<>();
        for (Wire x : w.wires())
            wires.add(new Responses.WireInfo(x.producer(), x.consumer(), x.variable(), x.readAs(), x.lag(), x.factor(),
                    x.isAggregate()));
        return new Responses.Graph(s.name(), ms, new ArrayList<>(variables.values()), wires, w.warnings());
    }
}
