package org.acolhida.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on PostgreSQL ({@link TestDatabase}) with the demo network and logins,
 * listening on a random port. Test classes with this annotation share one application context.
 * Metrics are exported as in production (tests turn exporters off by default), so that the
 * operators' {@code /actuator/prometheus} is there to test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Every test signs in from this machine's address, hundreds of times and some with unknown logins on
// purpose: as one client it would soon wait for all logins. The waits per client and login stay as they
// are; SignInAttacksIT attacks from addresses of its own.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "acolhida.sign-in.client-free-attempts=100000")
@ActiveProfiles({ "postgres", "demo" })
@ContextConfiguration(initializers = TestDatabase.class)
@AutoConfigureObservability(tracing = false)
public @interface PostgresIntegrationTest {

}
