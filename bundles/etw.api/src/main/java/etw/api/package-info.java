/**
 * The model SPI: what a plugin author implements ({@link etw.api.Model}) and what the engine hands a model
 * while it runs ({@link etw.api.StepContext}).
 *
 * <h2>Rules the engine enforces</h2>
 * <ul>
 * <li><b>Variables</b> have IAMC names ({@code Final Energy|Electricity|Data Centers}) and a unit; each has a
 * value per region and year.</li>
 * <li><b>Who takes part.</b> A model joins a scenario when the scenario lists it under {@code models} or
 * {@code with}, or sets or varies one of its parameters. A scenario without a {@code models} list also runs the
 * distribution's own models (those not {@link etw.api.ModelDescriptor#optIn() opt-in}) and the plugins whose
 * authors declared {@link etw.api.ModelDescriptor#joinsByDefault()}; any other plugin joins only when named.
 * Canned scenarios list their models, so an installed plugin never changes them. A plugin that joined by default
 * and cannot be wired (a missing input, a cycle, a unit) is left out with its reason; one that was named fails
 * the wiring.</li>
 * <li><b>One writer.</b> Two models writing the same variable is a wiring error naming both.</li>
 * <li><b>Aggregates.</b> Reading a variable that no model writes and the scenario does not supply gives the sum
 * of its written descendants ({@code Final Energy|Electricity|*}, recursively; where a child is written, its own
 * children are not added again).</li>
 * <li><b>Lags.</b> An input with lag {@code k >= 1} reads the value of {@code k} years earlier, and its declared
 * initial value before the first year. Only lag-0 inputs order models, so feedback loops are legal only through a
 * lag; a cycle of lag-0 inputs is a wiring error that prints the cycle.</li>
 * <li><b>Units</b> are checked at wiring: a consumer declares the unit it wants and gets values converted from
 * the producer's unit ({@code GWh} to {@code TWh}, {@code MW} to {@code GW}, {@code Mt CO2} to {@code Gt CO2},
 * {@code g CO2/kWh} to {@code t CO2/MWh}); units that do not convert (capacity in {@code GW} read as generation in
 * {@code TWh/yr}) are an error naming producer, consumer and both units, and why: gases never convert into each
 * other ({@code CH4} is not {@code CO2e} without a global warming potential, which a model applies as a
 * parameter), nor do currencies or price years. The grammar has SI prefixes, exponents ({@code m3}), time units,
 * gas species and currencies (see {@link etw.api.Units}). Use {@code "1"} for plain numbers.</li>
 * <li><b>Parameters</b> carry a unit, default, allowed range, description and source. A scenario may set a
 * constant, a value per region, or a trajectory (year to value, linear between points, flat beyond the ends);
 * a value outside the range is rejected before the run with the range in the message. Read a parameter every
 * step with {@link etw.api.StepContext#get(Parameter, int)}: it may change from year to year.</li>
 * <li><b>Missing inputs.</b> An input that no model in the scenario writes and the scenario does not supply is a
 * wiring error naming the model that needs it and the installed bundles that could provide it.</li>
 * <li><b>Statelessness.</b> A model keeps no state between steps: whatever it must remember (a stock, a
 * cumulative total) it writes as an output and reads back with lag 1. One model object therefore serves any
 * number of concurrent runs.</li>
 * <li><b>Shortfalls.</b> A model that cannot supply a demand reports the gap in a variable whose name ends in
 * {@code |Unmet Demand} (as {@code Secondary Energy|Electricity|Unmet Demand}); a positive value becomes a warning
 * in the run's manifest, so every face of the workbench shows it.</li>
 * <li><b>Plausibility.</b> A model may declare {@link etw.api.SoftRange soft ranges} for its outputs (a level,
 * a ratio to another variable such as a share or a capacity factor, a sustained growth rate); after a run the
 * engine checks them, and each one left becomes a warning in the run's manifest naming the variable, region and
 * first year. A soft range never stops a run and never changes a value.</li>
 * <li><b>Headlines.</b> A model may ask for some of its outputs to be shown among the headline results
 * ({@link etw.api.ModelDescriptor.Builder#headline(etw.api.Output)}): the CLI's summary and the report's tables list
 * them after the distribution's own.</li>
 * <li><b>Every output, every region, every year.</b> A step must set each declared output for each region to a
 * finite number; NaN, infinity, an unset output or an exception fails the run with the model, variable and year.</li>
 * <li><b>Promptness.</b> A step that does not return within the run's time limit (10 s by default in
 * {@code etw run}) fails the run naming the model and the year; the workbench and other runs carry on.</li>
 * <li><b>Reproducibility.</b> A step must depend only on its inputs, parameters, year and region: the same
 * scenario, bundle versions and seed give bit-identical results.</li>
 * <li><b>Regions are independent.</b> A region's step reads only that region's values, so the engine steps groups
 * of regions concurrently, each group through its own {@link etw.api.StepContext} numbering its regions from 0;
 * a model may therefore be called from several threads at once (see Statelessness).</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package etw.api;
