package coop.tally.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;

/** Ready only when the migrations ran and the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    SchemaMigration migration;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        String version = migration.schemaVersion();
        boolean answers;
        try (Connection connection = dataSource.getConnection()) {
            answers = connection.isValid(2);
        } catch (Exception e) {
            answers = false;
        }
        return HealthCheckResponse.named("database")
                .status(answers && version != null)
                .withData("schemaVersion", version == null ? "none" : version)
                .withData("answers", answers)
                .build();
    }
}
