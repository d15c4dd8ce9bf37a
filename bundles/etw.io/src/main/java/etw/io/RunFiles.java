package etw.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;

/**
 * Writes the files of one run into an output folder as a pair that cannot mix: {@code <name>.csv} (IAMC) and
 * {@code <name>.manifest.json}. Both are written to temporary files of their own first; then, holding an exclusive
 * lock on the name (see {@link OutputLock}), both are moved into place. Of runs writing one name at once, the last
 * to take the lock wins, with both of its files. The manifest holds the run id and the CSV's SHA-256, so a pair
 * can always be checked. A write starts by removing temporary files that dead processes left in the folder.
 */
public final class RunFiles {
    /** The files written, and the SHA-256 (hex) of the CSV as recorded in the manifest. */
    public record Written(Path csv, Path manifest, String csvSha256) {
    }

    private RunFiles() {
    }

    /**
     * @throws IllegalArgumentException if the scenario's name cannot name a file (see {@link OutputNames})
     * @throws NonFiniteValueException  if the result holds NaN or an infinite value; nothing is written then
     */
    public static Written write(Result result, Path dir) throws IOException {
        String name = OutputNames.check(result.scenario().name());
        Path csv = OutputNames.resolve(dir, name, ".csv");
        Path manifest = OutputNames.resolve(dir, name, ".manifest.json");
        Files.createDirectories(dir);
        AtomicFile.removeStale(dir);
        Path csvTmp = AtomicFile.temp(csv);
        Path manifestTmp = AtomicFile.temp(manifest);
        try {
            String sha = AtomicFile.writeTemp(csvTmp, out -> IamcCsv.write(result, out));
            AtomicFile.writeTemp(manifestTmp, out -> out.write(ManifestJson.toJson(result.manifest(), sha)));
            try (OutputLock lock = OutputLock.acquire(dir, name)) {
                AtomicFile.move(csvTmp, csv);
                AtomicFile.move(manifestTmp, manifest);
            }
            return new Written(csv, manifest, sha);
        } finally {
            Files.deleteIfExists(csvTmp);
            Files.deleteIfExists(manifestTmp);
        }
    }

    /**
     * Writes ensemble percentiles to {@code <dir>/<name>.ensemble.csv} (see {@link IamcCsv}), atomically, after
     * removing temporary files that dead processes left in the folder.
     *
     * @return the file written
     * @throws IllegalArgumentException if the scenario's name cannot name a file (see {@link OutputNames})
     * @throws NonFiniteValueException  if a percentile is NaN or infinite; nothing is written then
     */
    public static Path write(EnsembleResult result, Path dir) throws IOException {
        Path csv = OutputNames.resolve(dir, result.scenario().name(), ".ensemble.csv");
        Files.createDirectories(dir);
        AtomicFile.removeStale(dir);
        IamcCsv.write(result, csv);
        return csv;
    }
}
