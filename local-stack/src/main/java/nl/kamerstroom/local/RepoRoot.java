package nl.kamerstroom.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Kamerstroom checkout: system property {@code kamerstroom.home}, else up from the working directory. */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path find() {
        String home = System.getProperty("kamerstroom.home");
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath().normalize();
            if (!isRoot(root)) {
                throw new IllegalStateException("kamerstroom.home=" + home + " is not the Kamerstroom checkout (no mvnw and schemas/ there)");
            }
            return root;
        }
        return findFrom(Path.of("").toAbsolutePath());
    }

    static Path findFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Kamerstroom checkout (a directory with mvnw and schemas/) above " + start
                + "; run from inside it or set -Dkamerstroom.home=<dir>");
    }

    static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("schemas"));
    }
}
