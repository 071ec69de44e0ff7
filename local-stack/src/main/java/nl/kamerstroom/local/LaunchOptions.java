package nl.kamerstroom.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The launcher's command line and environment. */
record LaunchOptions(boolean once, List<String> files, boolean keepData, boolean help, PortSet ports, String apiKey) {

    static final String USAGE = """
            Usage: ./run-local.sh [--keep-data] [--once FILE...]

            Starts Kafka, a schema registry and PostgreSQL, then ingest-service, extract-service and store-service.
              (no arguments)   ingest every file in samples/ and serve until Ctrl-C
              --once FILE...   ingest the files, wait until each is stored, print one JSON line per file on
                               stdout, then stop everything (exit 1 if any file failed)
              --keep-data      keep the data of the previous run in .local-run/ (wiped otherwise)
              -h, --help       this text

            Environment: KAFKA_PORT (9092), REGISTRY_PORT (8085), PG_PORT (5433), INGEST_PORT (8081),
              EXTRACT_PORT (8082), STORE_PORT (8083), KAMERSTROOM_API_KEY (generated when unset),
              KAMERSTROOM_SERVICE_JAVA_OPTS (extra JVM options for the services).
            """;

    /** Every port the launcher binds. */
    record PortSet(int kafka, int registry, int postgres, int ingest, int extract, int store) {
    }

    /** A command line the launcher does not understand. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static LaunchOptions parse(String[] args, Map<String, String> env) {
        boolean once = false;
        boolean keepData = false;
        boolean help = false;
        boolean onlyFiles = false;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (onlyFiles || (once && !arg.startsWith("-"))) {
                if (!once) {
                    throw new UsageException("unexpected argument: " + arg);
                }
                files.add(arg);
                continue;
            }
            switch (arg) {
                case "--once" -> once = true;
                case "--keep-data" -> keepData = true;
                case "-h", "--help" -> help = true;
                case "--" -> onlyFiles = true;
                default -> throw new UsageException(arg.startsWith("-") ? "unknown option: " + arg : "unexpected argument: " + arg
                        + " (files are given after --once)");
            }
        }
        if (once && files.isEmpty() && !help) {
            throw new UsageException("--once needs at least one file");
        }
        PortSet ports = new PortSet(
                port(env, "KAFKA_PORT", 9092),
                port(env, "REGISTRY_PORT", 8085),
                port(env, "PG_PORT", 5433),
                port(env, ServiceProcess.Service.INGEST.portVariable(), ServiceProcess.Service.INGEST.defaultPort()),
                port(env, ServiceProcess.Service.EXTRACT.portVariable(), ServiceProcess.Service.EXTRACT.defaultPort()),
                port(env, ServiceProcess.Service.STORE.portVariable(), ServiceProcess.Service.STORE.defaultPort()));
        String apiKey = env.get("KAMERSTROOM_API_KEY");
        return new LaunchOptions(once, List.copyOf(files), keepData, help, ports, apiKey == null || apiKey.isBlank() ? null : apiKey);
    }

    int port(ServiceProcess.Service service) {
        return switch (service) {
            case INGEST -> ports.ingest();
            case EXTRACT -> ports.extract();
            case STORE -> ports.store();
        };
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(variable + "=" + value + " is not a port number (1-65535)");
        }
    }
}
