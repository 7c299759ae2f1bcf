package org.grassroots.assessment.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a base class whose server several test classes share ({@link SharedServer},
 * {@code pages.BrowserTest}, {@code security.DemoDistrictServer}): its Spring context stays in the
 * test context cache after a class that uses it. Every other class's server is closed when the class
 * ends ({@link ClosesOwnServers}), so the shared ones are never evicted from the cache and started
 * again. Only on the class that declares the configuration ({@code @SpringBootTest}); a subclass that
 * declares its own keeps a server of its own, closed after it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedContext {
}
