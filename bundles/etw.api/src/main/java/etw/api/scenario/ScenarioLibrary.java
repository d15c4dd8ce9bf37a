package etw.api.scenario;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's contribution of canned scenarios. Register as an OSGi service; the workbench lists the scenarios of
 * every library installed. Names must be unique across libraries; a duplicate is reported and ignored.
 */
@ConsumerType
public interface ScenarioLibrary {
    List<CannedScenario> scenarios();
}
