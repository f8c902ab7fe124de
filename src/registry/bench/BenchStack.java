import org.muster.devstack.kafka.KafkaBroker;
import org.muster.devstack.postgres.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL and Kafka for measuring the packaged registry from outside (see run.sh): the same
 * embedded components as the tests, in a JVM of their own. Writes the service's configuration as
 * environment assignments to the file given as argument, then runs until killed.
 */
public class BenchStack {
    public static void main(String[] args) throws Exception {
        PostgresServer postgres = PostgresServer.start(0, null);
        postgres.createSchema("registry");
        KafkaBroker kafka = KafkaBroker.start(0, null);
        String env = String.join("\n",
                "QUARKUS_DATASOURCE_JDBC_URL=" + postgres.jdbcUrl("registry"),
                "QUARKUS_DATASOURCE_USERNAME=" + postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD=" + postgres.password(),
                "QUARKUS_FLYWAY_SCHEMAS=registry",
                "QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA=registry",
                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                "PGPORT=" + postgres.port(), "");
        Path out = Path.of(args[0]);
        Files.writeString(out, env);
        System.out.println("stack ready: " + out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }));
        Thread.currentThread().join();
    }
}
