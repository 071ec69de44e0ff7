package nl.kamerstroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@link LocalInfrastructure} per JVM for tests: free ports, data in a temporary directory, started on first
 * use and stopped (and its directory deleted) when the JVM exits. Typical use:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     LocalInfrastructure infra = SharedTestInfrastructure.get();
 *     registry.add("spring.kafka.bootstrap-servers", infra.kafka()::bootstrapServers);
 *     ...
 * }
 * }</pre>
 *
 * Tests that stop a component (fault tests) should start it again before they end, or use their own
 * {@link LocalInfrastructure}, since the other tests in the JVM share this one.
 */
public final class SharedTestInfrastructure {

    private static final String PREFIX = "kamerstroom-infra-";
    private static final String OWNER = "owner.pid";
    private static LocalInfrastructure instance;
    private static Path workDir;

    private SharedTestInfrastructure() {
    }

    /** The JVM's shared infrastructure, started on the first call (takes a few seconds). */
    public static synchronized LocalInfrastructure get() {
        if (instance == null) {
            try {
                removeAbandonedWorkDirs();
                workDir = Files.createTempDirectory(PREFIX);
                Files.writeString(workDir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = LocalInfrastructure.start(workDir);
            ShutdownOrder.add("shared test infrastructure", SharedTestInfrastructure::shutdown);
        }
        return instance;
    }

    /** Directories of test JVMs that were killed before they could clean up (their owner is gone). */
    private static void removeAbandonedWorkDirs() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (java.util.stream.Stream<Path> dirs = Files.list(temp)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX)).toList()) {
                Path owner = dir.resolve(OWNER);
                if (!Files.isRegularFile(owner)) {
                    continue;
                }
                long pid = Long.parseLong(Files.readString(owner).trim());
                if (ProcessHandle.of(pid).isEmpty()) {
                    Postgres.stopLeftOver(dir.resolve("postgres"));
                    ApicurioRegistry.deleteRecursively(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // only housekeeping
        }
    }

    private static synchronized void shutdown() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
        try {
            ApicurioRegistry.deleteRecursively(workDir);
        } catch (IOException e) {
            // a temp dir; the OS cleans it eventually
        }
    }
}
