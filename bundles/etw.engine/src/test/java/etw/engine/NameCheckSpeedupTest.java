package etw.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The shortcuts of {@link NameCheck#closest} change no answer: the multiset bound never exceeds the edit distance,
 * and closest equals a plain scan of the sorted candidates with the full distance, on random near-names.
 */
class NameCheckSpeedupTest {
    private static final String ALPHABET = "abcdeE|rlty ";

    private static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        for (int e = r.nextInt(4); e > 0; e--) {
            int i = b.length() == 0 ? 0 : r.nextInt(b.length());
            switch (r.nextInt(4)) {
                case 0 -> b.insert(i, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 1 -> { if (b.length() > 0) b.deleteCharAt(i); }
                case 2 -> { if (b.length() > 0) b.setCharAt(i, ALPHABET.charAt(r.nextInt(ALPHABET.length()))); }
                default -> { if (i + 1 < b.length()) { char c = b.charAt(i); b.setCharAt(i, b.charAt(i + 1)); b.setCharAt(i + 1, c); } }
            }
        }
        return b.toString();
    }

    private static String random(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /** closest as it was: every sorted candidate through the full distance. */
    private static String reference(String name, List<String> candidates) {
        String best = null;
        int allowed = name.length() - name.lastIndexOf('|') - 1 >= 8 ? NameCheck.MAX_DISTANCE : 1;
        int bestDistance = allowed + 1;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : new TreeSet<>(candidates)) {
            if (k.equals(name) || Math.abs(k.length() - name.length()) > allowed) continue;
            int d = NameCheck.distance(k.toLowerCase(Locale.ROOT), lower, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    @Test
    void theBoundNeverExceedsTheDistance() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String a = random(r, r.nextInt(14)), b = r.nextBoolean() ? mutate(a, r) : random(r, r.nextInt(14));
            int d = NameCheck.distance(a, b, 100);
            assertTrue(NameCheck.bagDistance(a, b) <= d, a + " / " + b);
        }
    }

    @Test
    void closestGivesTheSameAnswers() {
        Random r = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            List<String> candidates = new ArrayList<>();
            String stem = random(r, 4 + r.nextInt(10));
            for (int j = 0; j < 30; j++) candidates.add(r.nextBoolean() ? mutate(stem, r) : random(r, 3 + r.nextInt(12)));
            String name = mutate(stem, r);
            assertEquals(reference(name, candidates), NameCheck.closest(name, candidates), name + " in " + candidates);
            assertEquals(reference(name, candidates), NameCheck.closest(name, new TreeSet<>(candidates)), name + " in a sorted set");
        }
    }
}
