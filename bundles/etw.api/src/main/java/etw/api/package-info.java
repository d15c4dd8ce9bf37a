/**
 * The model SPI: what a plugin author implements ({@link etw.api.Model}) and what the engine hands a model
 * while it runs ({@link etw.api.StepContext}).
 *
 * <h2>Rules the engine enforces</h2>
 * <ul>
 * <li><b>Variables</b> have IAMC names ({@code Final Energy|Electricity|Data Centers}) and a unit; each has a
 * value per region and year.</li>
 * <li><b>One writer.</b> Two models writing the same variable is a wiring error naming both.</li>
 * <li><b>Aggregates.</b> Reading a variable that no model writes and the scenario does not supply gives the sum
 * of its written descendants ({@code Final Energy|Electricity|*}, recursively; where a child is written, its own
 * children are not added again).</li>
 * <li><b>Lags.</b> An input with lag {@code k >= 1} reads the value of {@code k} years earlier, and its declared
 * initial value before the first year. Only lag-0 inputs order models, so feedback loops are legal only through a
 * lag; a cycle of lag-0 inputs is a wiring error that prints the cycle.</li>
 * <li><b>Units</b> are checked at wiring; compatible units are converted, incompatible ones are an error.</li>
 * <li><b>Statelessness.</b> A model keeps no state between steps: whatever it must remember (a stock, a
 * cumulative total) it writes as an output and reads back with lag 1. One model object therefore serves any
 * number of concurrent runs.</li>
 * <li><b>Every output, every region, every year.</b> A step must set each declared output for each region to a
 * finite number; NaN, infinity, an unset output or an exception fails the run with the model, variable and year.</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package etw.api;
