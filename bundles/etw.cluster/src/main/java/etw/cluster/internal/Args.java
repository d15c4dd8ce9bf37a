package etw.cluster.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options of {@code etw node} and of {@code --cluster}. */
final class Args {
    static final String NODE_USAGE = "usage: etw node [--join HOST:PORT,...] [--port P] [--interface ADDR] [--secret-file F]";
    static final int DEFAULT_PORT = 5701;

    private Args() {
    }

    /** The value of {@code --name V} taken out of {@code args}, or null. */
    static String take(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0) return null;
        if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
        String v = args.remove(i + 1);
        args.remove(i);
        return v;
    }

    /** {@code HOST:PORT,...} as a list, each checked. */
    static List<String> addresses(String text, String option) {
        List<String> out = new ArrayList<>();
        for (String a : text.split(",")) {
            a = a.strip();
            if (a.isEmpty()) continue;
            int colon = a.lastIndexOf(':');
            try {
                if (colon <= 0) throw new NumberFormatException();
                int port = Integer.parseInt(a.substring(colon + 1));
                if (port < 1 || port > 65535) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes HOST:PORT[,HOST:PORT...] (e.g. 127.0.0.1:5701), got '" + a + "'");
            }
            out.add(a);
        }
        if (out.isEmpty()) throw new IllegalArgumentException(option + " takes HOST:PORT[,HOST:PORT...], got nothing");
        return out;
    }

    /** The secret file named, or the default {@code ~/.etw/cluster.secret}. */
    static Path secretFile(String text) {
        if (text != null) return Path.of(text).toAbsolutePath();
        return Path.of(System.getProperty("user.home"), ".etw", "cluster.secret");
    }
}
