package etw.workbench.internal;

import org.osgi.service.component.annotations.Component;

import etw.workbench.WorkbenchView;

/** Sobol indices of the current scenario's uncertain parameters, from {@code POST /api/sensitivity}. */
@Component(service = WorkbenchView.class)
public final class SensitivityView extends BuiltinViews.Builtin {
    public SensitivityView() {
        super("sensitivity", "Sensitivity", 50, "main");
    }
}
