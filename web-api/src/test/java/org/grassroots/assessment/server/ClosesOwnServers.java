package org.grassroots.assessment.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextAnnotationUtils.AnnotationDescriptor;
import org.springframework.test.context.TestExecutionListener;

/**
 * Closes a test class's own Spring context when the class ends, as {@code @DirtiesContext} would;
 * the contexts of the {@link SharedContext} bases stay cached. Most test classes declare a server of
 * their own (their own data directory or settings), used by no other class; cached, they filled
 * Spring's context cache (32 by default) and pushed out the shared servers, which then started again
 * for the next class that used them (the server without the demo district five times a run). Closing
 * a context earlier changes nothing a test sees: it would be closed at its eviction all the same.
 * Registered in META-INF/spring.factories; runs after the other listeners' class callbacks.
 */
public class ClosesOwnServers implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        // after-callbacks run in reverse order: below DirtiesContextTestExecutionListener (3000) and
        // CommonCachesTestExecutionListener (3005), so this one closes the context after theirs
        return 2999;
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (!shared(testContext.getTestClass()) && testContext.hasApplicationContext()) {
            testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
    }

    /**
     * Whether the class that declares the test class's {@code @SpringBootTest} is a {@link SharedContext}
     * base (a slice test, such as {@code @DataJpaTest}, is never shared).
     */
    static boolean shared(Class<?> testClass) {
        AnnotationDescriptor<SpringBootTest> found = TestContextAnnotationUtils.findAnnotationDescriptor(testClass, SpringBootTest.class);
        return found != null && found.getDeclaringClass().getDeclaredAnnotation(SharedContext.class) != null;
    }
}
