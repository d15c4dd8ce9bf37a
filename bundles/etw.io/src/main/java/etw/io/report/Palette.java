package etw.io.report;

import java.util.List;
import java.util.Map;

/** Colours and line styles, fixed so that every report reads alike. */
final class Palette {
    private Palette() {
    }

    /** Line colour and dash per scenario: the main one solid black, comparisons coloured and dashed. */
    private static final String[][] SCENARIO_STYLES = {
            {"#000000", ""}, {"#d62728", "7 4"}, {"#1f77b4", "3 3"}, {"#2ca02c", "10 3 2 3"}, {"#9467bd", "5 2"},
            {"#8c564b", "12 4"}};
    private static final String[] STYLE_WORDS = {"solid black line", "red dashed line", "blue dotted line",
            "green dash-dot line", "purple dashed line", "brown long-dashed line"};
    static final String BAND = "#4a90d9";
    static final String MEDIAN = "#1f4e8c";
    static final String MILESTONE = "#1a9850";
    /** Colours for stacked series without a colour of their own (a plugin's source or sector), in name order. */
    private static final List<String> EXTRA = List.of("#66a61e", "#e6ab02", "#a6761d", "#17becf", "#bcbd22", "#8c564b");

    /** {colour, dash} of scenario {@code i} (0: the main one). */
    static String[] style(int i) {
        return SCENARIO_STYLES[i == 0 ? 0 : 1 + (i - 1) % (SCENARIO_STYLES.length - 1)];
    }

    static String styleWords(int i) {
        return STYLE_WORDS[i == 0 ? 0 : 1 + (i - 1) % (STYLE_WORDS.length - 1)];
    }

    /** Gives colours to stacked series: the known ones their own, others the extra colours in turn. */
    static final class Stack {
        private final Map<String, String> known;
        private int extra;

        Stack(Map<String, String> known) {
            this.known = known;
        }

        String colour(String name) {
            String c = known.get(name);
            return c != null ? c : EXTRA.get(extra++ % EXTRA.size());
        }
    }
}
