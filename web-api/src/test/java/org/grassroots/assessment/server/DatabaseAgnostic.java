package org.grassroots.assessment.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class whose checks cannot come out differently on another database: it reads no
 * database at all (the code's structure), or what it checks happens before anything is stored (the
 * rule engine's run-time limits). The suite on PostgreSQL ({@code .ci/on-postgresql.sh}) leaves it to
 * the H2 run, as it leaves the browser tests. A class that stores, queries or locks anything in a way
 * its assertions depend on must not carry it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(DatabaseAgnostic.TAG)
public @interface DatabaseAgnostic {

    /** The tag the PostgreSQL suite excludes. */
    String TAG = "database-agnostic";
}
