package dev.sextant.server.access;

import dev.sextant.server.boot.Readiness;
import dev.sextant.server.users.SessionAuthenticator;
import dev.sextant.server.users.SessionCookieFilter;
import dev.sextant.server.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless API-key security: everything under /api and /v1 (OTLP) needs a live key or a dashboard
 * login session cookie ({@link SessionCookieFilter}; login itself is open); which scope each endpoint
 * needs is declared on the endpoint ({@link RequiresScope}) and checked by {@link ScopeCheck}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    /** The one /api endpoint open without authentication (dashboard login). */
    static final String LOGIN = "/api/v1/auth/login";

    @Bean
    SecurityFilterChain api(HttpSecurity http, KeyAuthenticator authenticator, ProblemWriter problems,
            Readiness readiness, SessionAuthenticator sessions) throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(problems);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, LOGIN).permitAll()
                        .requestMatchers("/api/**", "/v1/**").authenticated().anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiKeyFilter(authenticator, problems, readiness), AnonymousAuthenticationFilter.class)
                // after the key filter (same position, registered later): a key wins over a cookie
                .addFilterBefore(new SessionCookieFilter(sessions, problems), AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
