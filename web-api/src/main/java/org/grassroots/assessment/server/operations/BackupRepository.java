package org.grassroots.assessment.server.operations;

import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/** The database side of an online backup: which database this is, and H2's {@code BACKUP TO}. */
@Component
class BackupRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BackupRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The database product's name as its driver reports it ("H2", "PostgreSQL"). */
    String productName() {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }

    /** Writes a consistent copy of the embedded H2 database to the zip file (H2 only). */
    void backupTo(Path zip) {
        jdbc.sql("BACKUP TO '" + zip.toString().replace("'", "''") + "'").update();
    }
}
