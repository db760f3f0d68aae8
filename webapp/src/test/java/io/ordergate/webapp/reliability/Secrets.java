package io.ordergate.webapp.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret a reliability run created (admin password, master key, merchant passwords, webhook
 * client secrets, access tokens), so that the run can prove none of them appears in any log line or
 * audit record it produced.
 */
final class Secrets {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    private Secrets() {}

    static void register(String what, String secret) {
        SECRETS.put(secret, what);
    }

    /**
     * Greps the files and the database's audit records (every column, as text) for every secret
     * registered so far; fails naming the secret's kind and where it was found (never the secret).
     */
    static void assertNowhere(Cluster cluster) {
        var logs = cluster.logs();
        var found = new ArrayList<String>();
        long lines = 0;
        for (var log : logs) {
            try (var reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    lines++;
                    for (var secret : SECRETS.entrySet()) {
                        if (line.contains(secret.getKey())) {
                            found.add(secret.getValue() + " in " + log.getFileName() + " line " + number);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long records = 0;
        try (var connection = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT audit_id, a::text FROM audit_record a")) {
            while (rows.next()) {
                records++;
                var text = rows.getString(2);
                for (var secret : SECRETS.entrySet()) {
                    if (text.contains(secret.getKey())) {
                        found.add(secret.getValue() + " in audit record " + rows.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Report.line(
                "secrets: %d created by this run, searched in %d log lines (%d files) and %d audit records: %s",
                SECRETS.size(), lines, logs.size(), records, found.isEmpty() ? "none found" : found);
        assertThat(found).as("secrets found in logs or audit records").isEmpty();
        assertThat(lines).as("log lines searched").isPositive();
        assertThat(records).as("audit records searched").isPositive();
    }
}
