package etw.scenario;

import java.util.Collection;

/** Small helpers for messages: the nearest name to a typo, and a value made safe to print. */
final class Names {
    private static final int MAX_TOKEN = 40;

    private Names() {
    }

    /** The name in {@code candidates} with the smallest edit distance to {@code typo}; null if there are none. */
    static String nearest(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(typo, c, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once every path is at least {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) return limit;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) return limit;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * A value from a file, safe to put into a message: at most 40 characters (longer ones are cut and end in
     * "..."), control and non-ASCII-printable characters escaped as {@code \\uXXXX}.
     */
    static String token(String s) {
        return token(s, MAX_TOKEN);
    }

    /** Like {@link #token(String)}, at most {@code max} characters. */
    static String token(String s, int max) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), max);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT)
                b.append(String.format("\\u%04x", (int) c));
            else
                b.append(c);
        }
        if (s.length() > max) b.append("...");
        return b.toString();
    }

    /** A list of names for a message: all of them if few, else the first ones and how many more. */
    static String list(Collection<String> names, int max) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (String n : names) {
            if (i == max) return b + " and " + (names.size() - max) + " more";
            if (i++ > 0) b.append(", ");
            b.append(token(n));
        }
        return b.toString();
    }
}
