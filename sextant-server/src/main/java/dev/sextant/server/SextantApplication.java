package dev.sextant.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot application: wiring only. Defaults live in application.properties. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class SextantApplication {

    /** Starts the server; returns once it is ready (migrated, bootstrapped, demo loaded). */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplication(SextantApplication.class).run(args);
    }
}
