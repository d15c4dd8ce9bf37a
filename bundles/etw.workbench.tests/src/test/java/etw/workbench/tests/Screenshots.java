package etw.workbench.tests;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Where the page tests' screenshots go: {@code target/screenshots/<name>.png}, full size; and, when the build is
 * given {@code -Detw.screenshots.docs=DIR} (the repository's {@code docs/screenshots}), a copy 800 px wide in
 * DIR, small enough to commit and to link from the issue notes. {@code java Screenshots.java FROM TO} makes the
 * same copies of screenshots already taken.
 */
final class Screenshots {
    static final Path SHOTS = Path.of("target/screenshots");
    /** The width of the copies for docs/screenshots: readable, and about a third of a full screenshot's bytes. */
    static final int DOCS_WIDTH = 800;

    private Screenshots() {
    }

    /** Saves what the browser shows as {@code <name>.png}, and its copy for the docs if asked; returns the file. */
    static Path save(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path file = SHOTS.resolve(name + ".png").toAbsolutePath();
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(file, png);
        String docs = System.getProperty("etw.screenshots.docs");
        if (docs != null && !docs.isBlank()) {
            Path dir = Files.createDirectories(Path.of(docs));
            downscale(png, dir.resolve(name + ".png"), DOCS_WIDTH);
        }
        return file;
    }

    /** Writes the PNG scaled to {@code width} pixels (not enlarged), smoothly. */
    static void downscale(byte[] png, Path out, int width) throws IOException {
        BufferedImage in = ImageIO.read(new ByteArrayInputStream(png));
        if (in == null) throw new IOException("not an image: " + out.getFileName());
        int w = Math.min(width, in.getWidth()), h = (int) Math.round(in.getHeight() * (double) w / in.getWidth());
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        ImageIO.write(small, "png", out.toFile());
    }

    /** {@code java Screenshots.java FROM TO [NAME...]}: copies of FROM's screenshots (or the named ones) into TO. */
    public static void main(String[] args) throws IOException {
        Path from = Path.of(args[0]), to = Files.createDirectories(Path.of(args[1]));
        try (var files = Files.list(from)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
                String name = p.getFileName().toString();
                boolean wanted = args.length == 2;
                for (int i = 2; i < args.length; i++) wanted |= name.equals(args[i] + ".png") || name.equals(args[i]);
                if (wanted) downscale(Files.readAllBytes(p), to.resolve(name), DOCS_WIDTH);
            }
        }
    }
}
